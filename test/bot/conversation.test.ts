import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { commandPlace, conversationKey } from '../../bot/conversation';

const PLATFORM = '19:platform@thread.tacv2';

function inChannel(conversationId: string, channelId = conversationId.split(';')[0]): Partial<Activity> {
  return {
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { channel: { id: channelId }, team: { id: '19:team@thread.tacv2' } },
    from: { id: '29:x', name: 'X', aadObjectId: 'aad-x' },
  };
}

describe('commandPlace', () => {
  it('is personal for a 1:1 chat, also when Teams leaves out the conversation type', () => {
    expect(commandPlace({ conversation: { id: 'a:1' } as Activity['conversation'] }, PLATFORM)).toEqual({
      scope: 'personal',
      platform: false,
    });
  });

  it('recognises the platform channel by its id, also in a reply thread', () => {
    expect(commandPlace(inChannel(`${PLATFORM};messageid=123`), PLATFORM)).toEqual({ scope: 'team', platform: true });
    expect(commandPlace(inChannel('19:landlord@thread.tacv2'), PLATFORM)).toEqual({ scope: 'team', platform: false });
  });

  it('counts every shared conversation as the platform while no platform channel is configured', () => {
    expect(commandPlace(inChannel('19:any@thread.tacv2'), undefined).platform).toBe(true);
  });
});

describe('conversationKey', () => {
  it('keys a 1:1 chat by the user and a channel by the channel, not the thread', () => {
    const personal = {
      ...inChannel('a:1'),
      conversation: { id: 'a:1', conversationType: 'personal' },
    } as Partial<Activity>;
    expect(conversationKey(personal)).toBe('user:aad-x');
    expect(conversationKey(inChannel(`${PLATFORM};messageid=123`))).toBe(`conversation:${PLATFORM}`);
  });
});

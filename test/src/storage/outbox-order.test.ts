/**
 * In order per conversation (issue 6: "every notification arrives exactly once, in order per
 * conversation"), on each store: claimNext hands out a conversation's message only once every
 * message enqueued before it there is final. One waiting for its backoff or leased to a worker
 * holds back the later ones of its conversation, never another conversation's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../src/outbox/outbox';
import { storeFactories, type TestStore } from '../../support/stores';

const at = (s: number) => new Date(Date.UTC(2025, 2, 1, 9, 0, s)).toISOString();

function message(id: string, conversationKey: string, createdAt: string): Omit<OutboxMessage, 'status' | 'attempts'> {
  return { id, conversationKey, kind: 'nomination-status', payload: {}, notBefore: createdAt, createdAt };
}

describe.each(storeFactories)('outbox order per conversation ($name store)', ({ create }) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await create();
  });
  afterEach(() => store.close());

  const claim = async (now: number, lease = now + 60) => (await store.outbox.claimNext(at(now), at(lease)))?.id;

  it('holds back a conversation behind its older message’s backoff, and no other conversation', async () => {
    await store.outbox.enqueue(message('a1', 'user:a', at(0)));
    await store.outbox.enqueue(message('a2', 'user:a', at(1)));
    await store.outbox.enqueue(message('b1', 'user:b', at(2)));
    expect(await claim(10)).toBe('a1');
    await store.outbox.reschedule('a1', at(30), '429');
    // a2 is due and older than b1, but waits for a1; b1 goes.
    expect(await claim(11)).toBe('b1');
    expect(await claim(12)).toBeUndefined();
    expect(await claim(30)).toBe('a1');
    expect(await claim(31)).toBeUndefined(); // a1 is in flight
    await store.outbox.markSent('a1', at(32));
    expect(await claim(32)).toBe('a2');
  });

  it('holds back a conversation behind a leased message until it is done, or its lease runs out', async () => {
    await store.outbox.enqueue(message('a1', 'user:a', at(0)));
    await store.outbox.enqueue(message('a2', 'user:a', at(1)));
    expect(await claim(10, 20)).toBe('a1');
    expect(await claim(11)).toBeUndefined();
    // Its worker died: a1 again, before a2.
    expect(await claim(20, 40)).toBe('a1');
    expect(await claim(21)).toBeUndefined();
    await store.outbox.markSent('a1', at(22));
    expect(await claim(22)).toBe('a2');
  });

  it('lets final messages (failed, unreachable, sent) hold nothing back', async () => {
    for (const [i, id] of ['f', 'u', 's', 'next'].entries()) await store.outbox.enqueue(message(id, 'user:a', at(i)));
    expect(await claim(10)).toBe('f');
    await store.outbox.markFailed('f', 'failed', '400');
    expect(await claim(10)).toBe('u');
    await store.outbox.markFailed('u', 'unreachable', '403');
    expect(await claim(10)).toBe('s');
    await store.outbox.markSent('s', at(10));
    expect(await claim(10)).toBe('next');
  });

  it('orders by enqueue time, then id, not by when a message is due', async () => {
    // Enqueued together (one relay), then the first due later: the later ones still wait for it.
    await store.outbox.enqueue({ ...message('m-b', 'user:a', at(0)), notBefore: at(5) });
    await store.outbox.enqueue(message('m-c', 'user:a', at(0)));
    await store.outbox.enqueue(message('m-a', 'user:a', at(1)));
    expect(await claim(1)).toBeUndefined();
    expect(await claim(5)).toBe('m-b');
    await store.outbox.markSent('m-b', at(5));
    expect(await claim(5)).toBe('m-c');
    await store.outbox.markSent('m-c', at(5));
    expect(await claim(5)).toBe('m-a');
  });

  it('finds another conversation’s message behind a long queue waiting for one retry', async () => {
    await store.outbox.enqueue({ ...message('q-000', 'user:queue', at(0)), notBefore: at(50) });
    for (let i = 1; i <= 45; i++)
      await store.outbox.enqueue(message(`q-${String(i).padStart(3, '0')}`, 'user:queue', at(1)));
    await store.outbox.enqueue(message('other', 'user:other', at(9)));
    expect(await claim(10)).toBe('other');
    expect(await claim(10)).toBeUndefined();
  });

  it('sends each conversation’s messages one at a time and in order, with 6 concurrent workers', async () => {
    const conversations = ['user:a', 'user:b', 'user:c'];
    const order: Record<string, string[]> = {};
    for (let i = 0; i < 12; i++) {
      const conversation = conversations[i % 3]!;
      const id = `${conversation}:m${String(i).padStart(2, '0')}`;
      (order[conversation] ??= []).push(id);
      await store.outbox.enqueue(message(id, conversation, at(i)));
    }
    const sent: Record<string, string[]> = {};
    const inFlight = new Set<string>();
    let overlaps = 0;
    const worker = async () => {
      for (let idle = 0; idle < 20;) {
        const claimed = await store.outbox.claimNext(at(30), at(90));
        if (!claimed) {
          idle += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        if (inFlight.has(claimed.conversationKey)) overlaps += 1;
        inFlight.add(claimed.conversationKey);
        (sent[claimed.conversationKey] ??= []).push(claimed.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight.delete(claimed.conversationKey);
        await store.outbox.markSent(claimed.id, at(31));
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(overlaps).toBe(0);
    expect(sent).toEqual(order);
  });
});

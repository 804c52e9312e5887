import { describe, expect, it } from 'vitest';
import { availableCommands, COMMANDS, matchCommand, type CommandPlace } from '../../bot/commands';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';

const personal: CommandPlace = { scope: 'personal', platform: false };
const platformChannel: CommandPlace = { scope: 'team', platform: true };
const otherChannel: CommandPlace = { scope: 'team', platform: false };
const keywords = (place: CommandPlace, role: Parameters<typeof availableCommands>[1]) =>
  availableCommands(place, role).map((c) => c.keyword);

describe('commands', () => {
  it.each([
    ['help', 'help'],
    ['  HELP ', 'help'],
    ['/help', 'help'],
    ['Mijn   aanmeldingen!', 'mijn aanmeldingen'],
    ['wachtrij?', 'wachtrij'],
  ])('recognises %j as %s', (text, keyword) => {
    expect(matchCommand(text)?.keyword).toBe(keyword);
  });

  it.each(['help me', 'aanmelden van Jan', '', undefined])('recognises no command in %j', (text) => {
    expect(matchCommand(text)).toBeUndefined();
  });

  it('offers each role its own commands in a 1:1 chat', () => {
    expect(keywords(personal, 'counsellor')).toEqual(['aanmelden', 'mijn aanmeldingen', 'help']);
    expect(keywords(personal, 'casemanager')).toEqual(['aanmelden', 'mijn aanmeldingen', 'help']);
    expect(keywords(personal, 'landlord-contact')).toEqual(['wachtrij', 'help']);
    expect(keywords(personal, 'platform-coordinator')).toEqual(['help']);
  });

  it('offers the platform commands in the platform channel only, whoever asks', () => {
    expect(keywords(platformChannel, 'landlord-contact')).toEqual(['status', 'verdeling', 'help']);
    expect(keywords({ scope: 'groupChat', platform: true }, 'counsellor')).toEqual(['status', 'verdeling', 'help']);
    expect(keywords(otherChannel, 'platform-coordinator')).toEqual(['help']);
  });

  it('has a description for every command in every language', () => {
    for (const command of COMMANDS) {
      expect(nl.commands[command.id]).toBeTruthy();
      expect(en.commands[command.id]).toBeTruthy();
    }
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type TeamsScope } from '../../bot/commands';
import { validateAppFiles, readAppFiles } from '../../scripts/manifest/validate-manifest';

interface CommandList {
  scopes: TeamsScope[];
  commands: { title: string }[];
}

/** The manifest's commandLists are what Teams suggests; the router must know exactly those, per scope. */
describe('manifest commands and the bot agree', () => {
  it.each<TeamsScope>(['personal', 'team', 'groupChat'])('in scope %s', async (scope) => {
    const manifest = JSON.parse(await readFile('manifest/manifest.json', 'utf8')) as {
      bots: { commandLists: CommandList[] }[];
    };
    const listed = manifest.bots[0]!.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) =>
      list.commands.map((command) => command.title),
    );
    const routed = COMMANDS.filter((command) => command.scopes.includes(scope)).map((command) => command.keyword);
    expect([...listed].sort()).toEqual([...routed].sort());
  });

  it('every manifest command is a bot command', async () => {
    const known = COMMANDS.map((command) => command.keyword);
    expect(validateAppFiles(await readAppFiles(), { knownCommands: known })).toEqual([]);
  });
});

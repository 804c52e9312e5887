/**
 * The bot's commands in one place: the router, the help card and the Teams manifest's
 * commandLists (compared by a test) all read this list. A command is what a user types; its
 * description lives in i18n/nl.ts and i18n/en.ts under `commands[id]`.
 */
import type { ContactRole } from '../src/parties/party';

export type CommandId = 'aanmelden' | 'mijn-aanmeldingen' | 'wachtrij' | 'status' | 'verdeling' | 'help';

/** The Teams manifest's scopes: a 1:1 chat, a team channel, a group chat. */
export type TeamsScope = 'personal' | 'team' | 'groupChat';

export interface CommandDefinition {
  id: CommandId;
  /** What the user types (case and extra spaces do not matter); the manifest command's title. */
  keyword: string;
  /** Where the command is offered. Personal data only ever goes to 'personal' (10.2). */
  scopes: readonly TeamsScope[];
  /** Who may use it in a 1:1 chat; in a shared conversation everyone present may. */
  roles: readonly ContactRole[] | 'all';
  /** Shared-conversation commands for the platform (art. 3): only in the platform channel when one is configured. */
  platformOnly?: boolean;
}

const NOMINATORS: readonly ContactRole[] = ['counsellor', 'casemanager'];

export const COMMANDS: readonly CommandDefinition[] = [
  { id: 'aanmelden', keyword: 'aanmelden', scopes: ['personal'], roles: NOMINATORS },
  { id: 'mijn-aanmeldingen', keyword: 'mijn aanmeldingen', scopes: ['personal'], roles: NOMINATORS },
  { id: 'wachtrij', keyword: 'wachtrij', scopes: ['personal'], roles: ['landlord-contact'] },
  { id: 'status', keyword: 'status', scopes: ['team', 'groupChat'], roles: 'all', platformOnly: true },
  { id: 'verdeling', keyword: 'verdeling', scopes: ['team', 'groupChat'], roles: 'all', platformOnly: true },
  { id: 'help', keyword: 'help', scopes: ['personal', 'team', 'groupChat'], roles: 'all' },
];

/** Where a turn happens, as far as commands care. */
export interface CommandPlace {
  scope: TeamsScope;
  /** The platform channel (or, without PLATFORM_CHANNEL_ID, any shared conversation). */
  platform: boolean;
}

export function isCommandAvailable(command: CommandDefinition, place: CommandPlace, role: ContactRole): boolean {
  if (!command.scopes.includes(place.scope)) return false;
  if (place.scope === 'personal') return command.roles === 'all' || command.roles.includes(role);
  return !command.platformOnly || place.platform;
}

export function availableCommands(place: CommandPlace, role: ContactRole): CommandDefinition[] {
  return COMMANDS.filter((command) => isCommandAvailable(command, place, role));
}

/** The command a message means, if its whole text is a command keyword ("Help", " mijn  aanmeldingen!"). */
export function matchCommand(text: string | undefined): CommandDefinition | undefined {
  const normalized = normalizeCommandText(text);
  return COMMANDS.find((command) => command.keyword === normalized);
}

export function normalizeCommandText(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/^\s*\//, '') // "/help", as some people type commands
    .replace(/[.!?]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

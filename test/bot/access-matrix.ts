/**
 * The access matrix as data: who may use which command or card verb, where, and what they get.
 * docs/security/access-control.md holds the same table; test/bot/access-matrix.test.ts checks
 * that the two agree, that the bot registers no verb or command missing here, and runs every cell
 * through the real bot. `UPDATE_ACCESS_DOC=1` rewrites the doc's table from this file.
 */
import { CARD_STEPS, type CardStep } from '../../cards/nomination-status/status.model';
import { COLUMNS, type Column, type Place } from '../support/access-world';

export const CELL = {
  actsOrganisation: 'allowed: acts, organisation view',
  actsLandlord: 'allowed: acts, landlord view',
  actsCounts: 'allowed: acts, counts only',
  organisation: 'allowed: organisation view',
  landlord: 'allowed: landlord view',
  counts: 'allowed: counts only',
  countsEditable: 'allowed: counts only, editable',
  ownList: "allowed: own organisation's list",
  ownQueue: "allowed: own landlord's queue",
  form: 'allowed: nomination card',
  sendsSignal: 'allowed: acts, sends signal',
  acknowledgesSignal: 'allowed: acts, acknowledges signal',
  help: 'allowed: help card',
  notOffered: 'refused: not offered',
  notTheirs: 'refused: not theirs to do',
  notFound: 'refused: not found',
  cannotView: 'refused: cannot view',
  readOnly: 'refused: read-only card',
  unreadable: 'refused: unreadable card',
  unknown: 'refused: unknown user',
} as const;
export type Cell = (typeof CELL)[keyof typeof CELL];

/** The matrix's places; "other channel or group chat" is checked in both, cell for cell. */
export type MatrixPlace = Exclude<Place, 'group-chat'>;
export const MATRIX_PLACES: readonly MatrixPlace[] = ['personal', 'platform', 'other-channel'];

export const PLACE_LABEL: Record<MatrixPlace, string> = {
  personal: '1:1 chat',
  platform: 'platform channel',
  'other-channel': 'other channel or group chat',
};

/** Where a row's cells are pressed and typed. */
export const PLACES_OF: Record<MatrixPlace, readonly Place[]> = {
  personal: ['personal'],
  platform: ['platform'],
  'other-channel': ['other-channel', 'group-chat'],
};

/** The matrix row's place for where something happens. */
export function matrixPlaceOf(place: Place): MatrixPlace {
  return place === 'group-chat' ? 'other-channel' : place;
}

export const COLUMN_LABEL: Record<Column, string> = {
  counsellor: 'counsellor (Parnassia, nominating)',
  casemanager: 'casemanager (Lokale Kamer)',
  'landlord-addressed': 'landlord contact (Vidomes, addressed)',
  'landlord-other': 'landlord contact (Duivenvoorde, not addressed)',
  limor: 'LIMOR counsellor',
  ggd: 'GGD Meldpunt contact',
  coordinator: 'platform coordinator',
  unknown: 'unknown user',
};

/** A typed command or a card verb; undefined: any other text, any verb the bot does not know. */
export type What = { command: string | undefined } | { verb: string | undefined };

export interface MatrixRow {
  place: MatrixPlace;
  what: What;
  cells: Record<Column, Cell>;
}

/** Every column `fallback`, the unknown user refused by the identity gate, then the exceptions. */
function cells(fallback: Cell, exceptions: Partial<Record<Column, Cell>> = {}): Record<Column, Cell> {
  const all = Object.fromEntries(COLUMNS.map((c) => [c, fallback])) as Record<Column, Cell>;
  return { ...all, unknown: CELL.unknown, ...exceptions };
}

const NOMINATORS = (cell: Cell) => ({ counsellor: cell, casemanager: cell, limor: cell });
const LANDLORDS = (cell: Cell) => ({ 'landlord-addressed': cell, 'landlord-other': cell });

const LANDLORD_STEPS: readonly CardStep[] = [
  'acknowledge',
  'propose-home',
  'make-offer',
  'plan-intake',
  'record-credit-check',
  'sign-lease',
  'convert-lease',
  'refuse',
];
/**
 * confirm-evaluation is either side's, but only the side that did not record the evaluation (4.9):
 * in the test world the landlord recorded it, so the counsellor confirms and the landlord may not.
 */
const CARE_STEPS: readonly CardStep[] = ['confirm-suitable', 'reject-suitable', 'confirm-evaluation', 'withdraw'];
const EITHER_SIDE_STEPS: readonly CardStep[] = ['record-offer-answer', 'record-evaluation'];

function stepCells(step: CardStep): Record<Column, Cell> {
  const landlord = LANDLORD_STEPS.includes(step) || EITHER_SIDE_STEPS.includes(step);
  const care = CARE_STEPS.includes(step) || EITHER_SIDE_STEPS.includes(step);
  return cells(CELL.notTheirs, {
    ...(care && { counsellor: CELL.actsOrganisation }),
    ...(landlord && { 'landlord-addressed': CELL.actsLandlord }),
  });
}

const FORM_VERBS = ['nomination.new', 'nomination.form', 'nomination.continue', 'nomination.show', 'nomination.list'];
const STATUS_VERBS = ['nomination.open', ...CARD_STEPS.map((s) => `nomination.${s}`)];
const DISTRIBUTION_VERBS = ['distribution.save-homes', 'distribution.exchange'];
const SIGNAL_VERBS = ['signal.send', 'signal.acknowledge'];

/**
 * Signals on a tenancy (src/signals/signal-rules.ts): the leasing landlord's contacts and the
 * nominating organisation's counsellors and casemanagers send to the other side; only the
 * receiving side acknowledges (the test world's signal is sent to the one who presses).
 */
const SIDES = (cell: Cell) => ({ counsellor: cell, 'landlord-addressed': cell });

const distribution = cells(CELL.readOnly, { coordinator: CELL.actsCounts });

export const MATRIX: readonly MatrixRow[] = [
  // ---- 1:1 chat: personal data, each person their own view ----
  { place: 'personal', what: { command: 'aanmelden' }, cells: cells(CELL.notOffered, NOMINATORS(CELL.form)) },
  {
    place: 'personal',
    what: { command: 'mijn aanmeldingen' },
    cells: cells(CELL.notOffered, NOMINATORS(CELL.ownList)),
  },
  { place: 'personal', what: { command: 'wachtrij' }, cells: cells(CELL.notOffered, LANDLORDS(CELL.ownQueue)) },
  { place: 'personal', what: { command: 'status' }, cells: cells(CELL.notOffered) },
  { place: 'personal', what: { command: 'verdeling' }, cells: cells(CELL.notOffered) },
  { place: 'personal', what: { command: 'help' }, cells: cells(CELL.help) },
  { place: 'personal', what: { command: undefined }, cells: cells(CELL.help) },
  { place: 'personal', what: { verb: 'nomination.new' }, cells: cells(CELL.notOffered, NOMINATORS(CELL.form)) },
  {
    place: 'personal',
    what: { verb: 'nomination.form' },
    cells: cells(CELL.notOffered, { ...NOMINATORS(CELL.notFound), counsellor: CELL.actsOrganisation }),
  },
  {
    place: 'personal',
    what: { verb: 'nomination.continue' },
    cells: cells(CELL.notOffered, { ...NOMINATORS(CELL.notFound), counsellor: CELL.organisation }),
  },
  {
    place: 'personal',
    what: { verb: 'nomination.show' },
    cells: cells(CELL.notOffered, { ...NOMINATORS(CELL.notFound), counsellor: CELL.organisation }),
  },
  { place: 'personal', what: { verb: 'nomination.list' }, cells: cells(CELL.notOffered, NOMINATORS(CELL.ownList)) },
  {
    place: 'personal',
    what: { verb: 'nomination.open' },
    cells: cells(CELL.cannotView, { counsellor: CELL.organisation, 'landlord-addressed': CELL.landlord }),
  },
  ...CARD_STEPS.map((step): MatrixRow => ({
    place: 'personal',
    what: { verb: `nomination.${step}` },
    cells: stepCells(step),
  })),
  ...DISTRIBUTION_VERBS.map((verb): MatrixRow => ({ place: 'personal', what: { verb }, cells: distribution })),
  {
    place: 'personal',
    what: { verb: 'signal.send' },
    cells: cells(CELL.notTheirs, SIDES(CELL.sendsSignal)),
  },
  {
    place: 'personal',
    what: { verb: 'signal.acknowledge' },
    cells: cells(CELL.notTheirs, SIDES(CELL.acknowledgesSignal)),
  },
  { place: 'personal', what: { verb: undefined }, cells: cells(CELL.unreadable) },

  // ---- the platform channel: counts only (10.2), for everyone present ----
  { place: 'platform', what: { command: 'aanmelden' }, cells: cells(CELL.notOffered) },
  { place: 'platform', what: { command: 'mijn aanmeldingen' }, cells: cells(CELL.notOffered) },
  { place: 'platform', what: { command: 'wachtrij' }, cells: cells(CELL.notOffered) },
  { place: 'platform', what: { command: 'status' }, cells: cells(CELL.counts) },
  {
    place: 'platform',
    what: { command: 'verdeling' },
    cells: cells(CELL.counts, { coordinator: CELL.countsEditable }),
  },
  { place: 'platform', what: { command: 'help' }, cells: cells(CELL.help) },
  { place: 'platform', what: { command: undefined }, cells: cells(CELL.help) },
  ...FORM_VERBS.map((verb): MatrixRow => ({ place: 'platform', what: { verb }, cells: cells(CELL.notOffered) })),
  ...STATUS_VERBS.map((verb): MatrixRow => ({ place: 'platform', what: { verb }, cells: cells(CELL.cannotView) })),
  ...DISTRIBUTION_VERBS.map((verb): MatrixRow => ({ place: 'platform', what: { verb }, cells: distribution })),
  ...SIGNAL_VERBS.map((verb): MatrixRow => ({ place: 'platform', what: { verb }, cells: cells(CELL.cannotView) })),
  { place: 'platform', what: { verb: undefined }, cells: cells(CELL.unreadable) },

  // ---- any other channel or group chat: neither the platform's commands nor any personal data ----
  // Status and signal cards belong in a 1:1 chat or the own party's team channel (not in the matrix:
  // see the doc); pressed here, they are refused by place (bot/handlers/platform-guard.ts).
  { place: 'other-channel', what: { command: 'aanmelden' }, cells: cells(CELL.notOffered) },
  { place: 'other-channel', what: { command: 'mijn aanmeldingen' }, cells: cells(CELL.notOffered) },
  { place: 'other-channel', what: { command: 'wachtrij' }, cells: cells(CELL.notOffered) },
  { place: 'other-channel', what: { command: 'status' }, cells: cells(CELL.notOffered) },
  { place: 'other-channel', what: { command: 'verdeling' }, cells: cells(CELL.notOffered) },
  { place: 'other-channel', what: { command: 'help' }, cells: cells(CELL.help) },
  { place: 'other-channel', what: { command: undefined }, cells: cells(CELL.help) },
  ...FORM_VERBS.map((verb): MatrixRow => ({ place: 'other-channel', what: { verb }, cells: cells(CELL.notOffered) })),
  ...STATUS_VERBS.map((verb): MatrixRow => ({ place: 'other-channel', what: { verb }, cells: cells(CELL.cannotView) })),
  // The distribution is counts only (10.2): the same cards as anywhere, the coordinator's editable.
  ...DISTRIBUTION_VERBS.map((verb): MatrixRow => ({ place: 'other-channel', what: { verb }, cells: distribution })),
  ...SIGNAL_VERBS.map((verb): MatrixRow => ({ place: 'other-channel', what: { verb }, cells: cells(CELL.cannotView) })),
  { place: 'other-channel', what: { verb: undefined }, cells: cells(CELL.unreadable) },
];

export function whatLabel(what: What): string {
  if ('verb' in what) return what.verb === undefined ? '(any other card verb)' : `\`${what.verb}\``;
  return what.command === undefined ? '(any other text)' : `\`${what.command}\``;
}

export function rowLabel(row: MatrixRow): string {
  return `${PLACE_LABEL[row.place]} · ${whatLabel(row.what)}`;
}

/** The table as the doc has it: a header and one line per row (prettier may pad it; cells are compared). */
export function matrixMarkdown(): string {
  const header = ['where', 'command or card verb', ...COLUMNS.map((c) => COLUMN_LABEL[c])];
  const lines = [header, header.map(() => '---')];
  for (const row of MATRIX)
    lines.push([PLACE_LABEL[row.place], whatLabel(row.what), ...COLUMNS.map((c) => row.cells[c])]);
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export const DOC_START = '<!-- access-matrix:start -->';
export const DOC_END = '<!-- access-matrix:end -->';

/** The cells of the doc's table, header included, separator line left out. */
export function tableCells(markdown: string): string[][] {
  const start = markdown.indexOf(DOC_START);
  const end = markdown.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`no ${DOC_START} … ${DOC_END} in the doc`);
  return markdown
    .slice(start + DOC_START.length, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

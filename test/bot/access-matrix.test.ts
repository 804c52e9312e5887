/**
 * Every cell of the access matrix (test/bot/access-matrix.ts, docs/security/access-control.md)
 * through the real bot: each person types each command and presses each card verb — with the
 * card data of the person who may act, so every refused cell is also "a card forwarded to someone
 * else". A refusal is a Dutch sentence (or the read-only card), changes nothing in the store and
 * holds no personal data; an allowed cell shows the view that person may have, and no more.
 * The bot's registered routes are compared with the matrix, so a new verb or command fails here
 * until the matrix (and the doc) lists it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { AdaptiveCards } from '@microsoft/teams-ai';
import { createApp } from '../../bot/app';
import { parseConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { COMMANDS } from '../../bot/commands';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import type { CardStep } from '../../cards/nomination-status/status.model';
import { setLandlordHomes, yearDistribution } from '../../src/distribution/distribution-service';
import { refusalText, WHO_MAY_CODES } from '../../src/nomination/refusals';
import type { Nomination } from '../../src/nomination/nomination';
import { DEMO_CONTACTS } from '../../src/parties/demo-contacts';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import {
  COLUMNS,
  nominationIn,
  OWN_CANDIDATE,
  parnassiaDraft,
  PLATFORM_CHANNEL,
  press,
  say,
  seedOtherOrganisations,
  signalAcknowledgeData,
  signalSendData,
  signalTo,
  startAccessWorld,
  STEP_SETUP,
  stepData,
  submit,
  tenancyNomination,
  type AccessWorld,
  type Answer,
  type Column,
  type Place,
} from '../support/access-world';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { LANDLORD_FORBIDDEN_MARKERS, PERSONAL_MARKERS } from '../support/nomination-fixture';
import { STEP1 } from '../support/nomination-form-values';
import { actionOn, TestClock, verbsOn } from '../support/status-flow';
import { snapshotStore, type Snapshot, type SnapshotStore } from '../support/store-snapshot';
import {
  CELL,
  COLUMN_LABEL,
  DOC_END,
  DOC_START,
  matrixMarkdown,
  matrixPlaceOf,
  MATRIX,
  MATRIX_PLACES,
  PLACE_LABEL,
  PLACES_OF,
  rowLabel,
  tableCells,
  whatLabel,
  type Cell,
  type MatrixRow,
} from './access-matrix';

const DOC = new URL('../../docs/security/access-control.md', import.meta.url);

/** The lifecycle's refusals of who may (src/nomination/actor.ts, steps/lease.ts): the one sentence a refused step answers. */
const NOT_THEIRS = [
  ...WHO_MAY_CODES.map((code) => refusalText(nl.nominationStatus.refusals, { code })),
  // Signals (src/signals/signal-rules.ts): not their tenancy, not the receiving side.
  nl.signals.answers.errors['not-your-tenancy'],
  nl.signals.answers.errors['not-receiver'],
];
/** Another organisation's nomination does not exist for this person. */
const NOT_FOUND = [nl.nomination.verdict.notFound, nl.nomination.form.expired, nl.nominationStatus.answers.notFound];
const NOT_OFFERED = /^".+" kun je hier niet gebruiken\. Dit kan wel:$/;
/** A verb from a card of an older version, or made up. */
const UNKNOWN_VERB = 'nomination.bestaat-niet';

const CANDIDATES = ['Jan MARKER', 'Karel KAMER', 'Lies LIMOR', STEP1.candidateName];
/** Nothing a refusal or a count may show: any candidate, any marker, any contact's name or e-mail. */
const PERSONAL = [
  ...new Set([
    ...CANDIDATES,
    ...PERSONAL_MARKERS,
    ...Object.values(DEMO_CONTACTS).flatMap((c) => [c.name, c.email]),
    'Gerda Meldpunt',
  ]),
];

let world: AccessWorld;
let store: SnapshotStore;

beforeAll(async () => {
  store = snapshotStore(createMemoryStore());
  const time = new TestClock();
  world = await startAccessWorld(store, time);
  await seedOtherOrganisations(store, time);
  // Parnassia's lists and Vidomes' queue are not empty from the first row on.
  await nominationFor('registered', false, () => nominationIn(store, time, 'registered'));
});
afterAll(async () => {
  await world.stop();
  await store.close();
});

// ---- Preparing a cell: the data on the card the allowed person has ---------------------------

const shared = new Map<string, Promise<Nomination>>();
/** One nomination per row for the refused cells (they change nothing), a fresh one per allowed cell. */
function nominationFor(key: string, allowed: boolean, make: () => Promise<Nomination>): Promise<Nomination> {
  if (allowed) return make();
  if (!shared.has(key)) shared.set(key, make());
  return shared.get(key)!;
}

const signals = new Map<string, Promise<{ id: string }>>();
function sharedSignal(key: string, make: () => Promise<{ id: string }>): Promise<{ id: string }> {
  if (!signals.has(key)) signals.set(key, make());
  return signals.get(key)!;
}

function isAllowed(cell: Cell): boolean {
  return cell.startsWith('allowed');
}

/** The tenancy the signal rows work on (its lease with the addressed landlord), one for all cells. */
const tenancy = () => nominationFor('tenancy', false, () => tenancyNomination(store, world.time));

async function dataFor(row: MatrixRow, cell: Cell, column: Column): Promise<Record<string, unknown>> {
  if (!('verb' in row.what)) return {};
  const verb = row.what.verb ?? UNKNOWN_VERB;
  const key = `${row.place}:${verb}`;
  const allowed = isAllowed(cell);
  const registered = () => nominationFor('registered', false, () => nominationIn(store, world.time, 'registered'));
  switch (verb) {
    case 'nomination.new':
    case 'nomination.list':
    case UNKNOWN_VERB:
      return { verb };
    case 'nomination.form': {
      const draft = await nominationFor(key, allowed, () => parnassiaDraft(store, world.time));
      const button = { move: 'save', step: 1, formId: 'ab'.repeat(12), draftId: draft.id, version: draft.version };
      return { verb, ...button, ...STEP1 };
    }
    case 'nomination.continue':
      return { verb, nominationId: (await nominationFor('draft', false, () => parnassiaDraft(store, world.time))).id };
    case 'nomination.show':
    case 'nomination.open':
      return { verb, nominationId: (await registered()).id };
    case 'distribution.save-homes': {
      const current = await yearDistribution(store, 2025);
      return { verb, year: 2025, version: current.version, homes_vidomes: String((current.homes.vidomes ?? 0) + 1) };
    }
    case 'signal.send':
      return signalSendData(await tenancy());
    case 'signal.acknowledge': {
      // Allowed: a fresh signal from the other side to the one who presses. Refused: the card the
      // counsellor got from the landlord, forwarded (acknowledging it changes nothing for them).
      const receiver = allowed && column === 'landlord-addressed' ? 'landlord-addressed' : 'counsellor';
      const signal = allowed
        ? await signalTo(store, world.time, await tenancy(), receiver)
        : await sharedSignal(key, () => tenancy().then((t) => signalTo(store, world.time, t, receiver)));
      return signalAcknowledgeData(signal);
    }
    case 'distribution.exchange': {
      // Vidomes needs homes to give; set outside the measured action.
      const actor = { actorId: 'test', clock: world.time.clock, origin: 'test' };
      if (allowed) await setLandlordHomes(store, { year: 2025, landlordId: 'vidomes', homes: 20 }, actor);
      return { verb, exchangeFrom: 'vidomes', exchangeTo: 'wooninvest', exchangeHomes: '1', exchangeNote: '' };
    }
    default: {
      const step = verb.replace(/^nomination\./, '') as CardStep;
      const from = STEP_SETUP[step].from;
      return stepData(step, await nominationFor(key, allowed, () => nominationIn(store, world.time, from)));
    }
  }
}

async function act(row: MatrixRow, column: Column, place: Place, data: Record<string, unknown>): Promise<Answer> {
  if ('verb' in row.what) return press(world, column, place, row.what.verb ?? UNKNOWN_VERB, data);
  return say(world, column, place, row.what.command ?? 'goedemorgen, hoe werkt dit?');
}

// ---- Checking a cell ------------------------------------------------------------------------

function expectNoPersonalData(answer: Answer): void {
  for (const text of PERSONAL) expect(answer.raw, `shows "${text}"`).not.toContain(text);
}

function expectUnchanged(before: Snapshot, after: Snapshot, parts: (keyof Snapshot)[]): void {
  for (const part of parts) expect(after[part], `${part} changed`).toBe(before[part]);
}

const ALL_PARTS: (keyof Snapshot)[] = ['nominations', 'outbox', 'audit', 'distributions', 'parties'];

function expectRefusal(row: MatrixRow, cell: Cell, answer: Answer): void {
  const typed = 'command' in row.what;
  switch (cell) {
    case CELL.unknown:
      expect(answer.texts).toEqual([nl.notKnown]);
      expect(answer.cards).toEqual([]);
      return;
    case CELL.notOffered:
      expect(answer.texts).toHaveLength(1);
      expect(answer.texts[0]).toMatch(NOT_OFFERED);
      // A typed command gets the help card with what can be used there; a card action only the sentence.
      expect(answer.cards).toHaveLength(typed ? 1 : 0);
      return;
    case CELL.notTheirs:
      expect(answer.cards).toEqual([]);
      expect(NOT_THEIRS).toContain(answer.texts[0]);
      expect(answer.texts).toHaveLength(1);
      return;
    case CELL.notFound:
      expect(answer.cards).toEqual([]);
      expect(NOT_FOUND).toContain(answer.texts[0]);
      expect(answer.texts).toHaveLength(1);
      return;
    case CELL.cannotView:
      expect(answer.cards).toEqual([]);
      expect(answer.texts).toEqual([nl.nominationStatus.answers.cannotView]);
      return;
    case CELL.unreadable:
      expect(answer.cards).toEqual([]);
      expect(answer.texts).toEqual([nl.nominationStatus.answers.unreadable]);
      return;
    case CELL.readOnly:
      expect(answer.texts).toEqual([]);
      expect(answer.cards).toHaveLength(1);
      expect(JSON.stringify(answer.cards[0])).toContain(nl.platform.distribution.notAllowed);
      expect(JSON.stringify(answer.cards[0])).not.toContain('Input.');
      return;
    default:
      throw new Error(`not a refusal: ${cell}`);
  }
}

async function expectAllowed(column: Column, cell: Cell, answer: Answer, before: Snapshot, after: Snapshot) {
  expect(answer.texts).toEqual([]);
  expect(answer.cards).toHaveLength(1);
  const json = JSON.stringify(answer.cards[0]);
  const own = OWN_CANDIDATE[column];
  // Never another organisation's (or another landlord's) candidate.
  for (const name of CANDIDATES.filter((n) => n !== own && n !== STEP1.candidateName)) {
    if (own) expect(json, `${column} sees ${name}`).not.toContain(name);
  }
  const acts = cell.startsWith('allowed: acts');
  if (acts) expect(after, 'nothing changed').not.toEqual(before);
  else expectUnchanged(before, after, ['nominations', 'outbox', 'distributions', 'parties']);

  switch (cell) {
    case CELL.landlord:
    case CELL.actsLandlord:
      expect(json).toContain('Jan MARKER');
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(json, marker).not.toContain(marker);
      return;
    case CELL.organisation:
    case CELL.actsOrganisation:
      // The name, or (on a later step of the nomination card) what the organisation wrote itself.
      expect(json).toMatch(/Jan MARKER|Anna de Vries|SECRET-HOUSING-REQ/);
      return;
    case CELL.ownList:
    case CELL.ownQueue:
      expect(json).toContain(own);
      return;
    case CELL.counts:
    case CELL.countsEditable:
    case CELL.actsCounts:
      expectNoPersonalData(answer);
      expect(json.includes('distribution.save-homes')).toBe(cell !== CELL.counts);
      return;
    case CELL.help:
      expect(json).toContain(nl.help.title);
      expectNoPersonalData(answer);
      return;
    case CELL.sendsSignal:
      expect(json).toContain('Signaal verstuurd aan');
      expect(json).toContain('Jan MARKER');
      if (column === 'landlord-addressed')
        for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(json, marker).not.toContain(marker);
      return;
    case CELL.acknowledgesSignal:
      expect(json).toContain('Ontvangst bevestigd door');
      expect(json).not.toContain('signal.acknowledge');
      if (column === 'landlord-addressed')
        for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(json, marker).not.toContain(marker);
      return;
    case CELL.form:
      return;
    default:
      throw new Error(`not an allowed cell: ${cell}`);
  }
}

/** One cell in one place: "other channel or group chat" runs it in each (PLACES_OF). */
async function checkCell(row: MatrixRow, column: Column, place: Place): Promise<void> {
  const cell = row.cells[column];
  const data = await dataFor(row, cell, column);
  const before = await store.snapshot();
  const mark = store.writes.length;
  const answer = await act(row, column, place, data);
  const after = await store.snapshot();
  const written = store.writes.slice(mark);

  expect(answer.status).toBe(200);
  if ('verb' in row.what) expect(answer.invokeStatus).toBe(200);
  expect(answer.texts).not.toContain(nl.somethingWentWrong);
  for (const card of answer.cards)
    expectValidAdaptiveCard({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  if (isAllowed(cell)) {
    await expectAllowed(column, cell, answer, before, after);
    // A read writes its audit record and nothing else.
    if (!cell.startsWith('allowed: acts')) expect(written.filter((w) => w !== 'audit.append')).toEqual([]);
  } else {
    expectRefusal(row, cell, answer);
    expectUnchanged(before, after, ALL_PARTS);
    expect(written, 'written on a refusal').toEqual([]);
    expectNoPersonalData(answer);
  }
}

describe('the access matrix, cell by cell', () => {
  for (const row of MATRIX) {
    describe(rowLabel(row), () => {
      for (const column of COLUMNS) {
        it(`${COLUMN_LABEL[column]}: ${row.cells[column]}`, async () => {
          for (const place of PLACES_OF[row.place]) {
            await expect(checkCell(row, column, place), place).resolves.toBeUndefined();
          }
        });
      }
    });
  }
});

describe('the matrix is complete and written down', () => {
  it('lists every card verb and command the bot registers, and nothing it does not', async () => {
    type Route = { selector: (context: TurnContext) => Promise<boolean> };
    const app = world.bot.app as unknown as { _routes: Route[]; _invokeRoutes: Route[] };
    const verbs = [...new Set(MATRIX.flatMap((r) => ('verb' in r.what && r.what.verb ? [r.what.verb] : [])))];
    const commands = [...new Set(MATRIX.flatMap((r) => ('command' in r.what ? [r.what.command] : [])))];
    const probe = (activity: object) => ({ activity }) as unknown as TurnContext;
    const execute = (verb: string) =>
      probe({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb } } });

    // The verbs the bot registers, by name: a new one (signal.*, …) fails here until the matrix lists it.
    const registered = vi.spyOn(AdaptiveCards.prototype, 'actionExecute');
    try {
      const config = parseConfig({ PORT: '0', PLATFORM_CHANNEL_ID: PLATFORM_CHANNEL });
      createApp({ config, store, logger: createLogger('silent'), clock: world.time.clock }, world.bot.adapter);
      const names = registered.mock.calls.map(([verb]) => (typeof verb === 'string' ? verb : String(verb)));
      expect(
        [...new Set(names)].sort(),
        'card verbs the bot registers vs the access matrix: add a row per place to test/bot/access-matrix.ts, then UPDATE_ACCESS_DOC=1',
      ).toEqual([...verbs].sort());
    } finally {
      registered.mockRestore();
    }
    // And the running bot's card-action routes answer exactly those (a selector registered otherwise, too).
    for (const [i, route] of app._invokeRoutes.entries()) {
      const matched = [];
      for (const verb of verbs) if (await route.selector(execute(verb))) matched.push(verb);
      expect(matched, `invoke route ${i} answers a verb the access matrix does not list`).toHaveLength(1);
    }
    for (const verb of verbs) {
      const routes = await Promise.all(app._invokeRoutes.map((r) => r.selector(execute(verb))));
      expect(routes.filter(Boolean), `${verb} is not registered`).toHaveLength(1);
    }

    // Each message route is a listed command, a listed verb's Action.Submit, the help fallback or the greeting.
    const probes = [
      ...commands.map((text) => probe({ type: 'message', text: text ?? 'goedemorgen' })),
      ...verbs.map((verb) => probe({ type: 'message', value: { verb } })),
      execute(UNKNOWN_VERB),
      probe({
        type: 'conversationUpdate',
        channelId: 'msteams',
        recipient: { id: 'bot' },
        membersAdded: [{ id: 'bot' }],
      }),
    ];
    for (const [i, route] of app._routes.entries()) {
      const matches = await Promise.all(probes.map((p) => route.selector(p)));
      expect(matches.some(Boolean), `route ${i} answers something the access matrix does not list`).toBe(true);
    }

    // Every command and every verb in every place.
    const keywords = COMMANDS.map((c) => c.keyword);
    for (const place of MATRIX_PLACES) {
      const rows = MATRIX.filter((r) => r.place === place);
      expect(rows.flatMap((r) => ('command' in r.what ? [r.what.command] : [])).sort()).toEqual(
        [...keywords, undefined].sort(),
      );
      expect(rows.flatMap((r) => ('verb' in r.what ? [r.what.verb] : [])).sort()).toEqual([...verbs, undefined].sort());
    }
  });

  it('is the table in docs/security/access-control.md', async () => {
    let doc = await readFile(DOC, 'utf8');
    if (process.env.UPDATE_ACCESS_DOC) {
      doc = `${doc.slice(0, doc.indexOf(DOC_START) + DOC_START.length)}\n\n${matrixMarkdown()}\n\n${doc.slice(doc.indexOf(DOC_END))}`;
      await writeFile(DOC, doc);
    }
    const expected = [
      ['where', 'command or card verb', ...COLUMNS.map((c) => COLUMN_LABEL[c])],
      ...MATRIX.map((row) => [PLACE_LABEL[row.place], whatLabel(row.what), ...COLUMNS.map((c) => row.cells[c])]),
    ];
    expect(tableCells(doc), 'run with UPDATE_ACCESS_DOC=1, then prettier --write the doc').toEqual(expected);
  });
});

describe('a forwarded card', () => {
  /** The card the allowed person sees, pressed button by button by everyone else: nothing happens. */
  async function expectOnlyOwnerActs(owner: Column, nomination: Nomination) {
    const opened = await press(world, owner, 'personal', 'nomination.open', { nominationId: nomination.id });
    const card = opened.cards[0];
    const verbs = verbsOn(card);
    expect(verbs.length).toBeGreaterThan(0);
    for (const verb of verbs) {
      const step = verb.replace(/^nomination\./, '') as CardStep;
      const { data } = actionOn(card, verb);
      for (const column of COLUMNS.filter((c) => c !== owner)) {
        const before = await store.snapshot();
        const answer = await press(world, column, 'personal', verb, { ...data, ...STEP_SETUP[step].inputs });
        expectUnchanged(before, await store.snapshot(), ALL_PARTS);
        expect(answer.cards, `${column} got a card for ${verb}`).toEqual([]);
        expectNoPersonalData(answer);
      }
    }
  }

  it('lets nobody but the addressed landlord act on the landlord’s card', async () => {
    await expectOnlyOwnerActs('landlord-addressed', await nominationIn(store, world.time, 'registered'));
  });

  it('lets nobody but the nominating organisation act on its card', async () => {
    await expectOnlyOwnerActs('counsellor', await nominationIn(store, world.time, 'home-proposed'));
  });

  it.each<Place>(['platform', 'other-channel', 'group-chat'])(
    'posts nothing personal in a shared conversation (%s), also through the Action.Submit fallback',
    async (place) => {
      const nomination = await nominationIn(store, world.time, 'registered');
      const rows = MATRIX.filter(
        (r) => r.place === matrixPlaceOf(place) && 'verb' in r.what && /^(nomination|signal)\./.test(r.what.verb ?? ''),
      );
      expect(rows.length).toBeGreaterThanOrEqual(18);
      for (const row of rows) {
        for (const column of COLUMNS) {
          const card = await dataFor(row, CELL.cannotView, column);
          const data =
            'verb' in row.what && row.what.verb?.startsWith('signal.')
              ? card
              : { ...card, nominationId: nomination.id };
          const before = await store.snapshot();
          const mark = store.writes.length;
          const answer = await submit(world, column, place, data);
          expectUnchanged(before, await store.snapshot(), ALL_PARTS);
          expect(store.writes.slice(mark), `${rowLabel(row)} wrote`).toEqual([]);
          expect(answer.cards).toEqual([]);
          expectNoPersonalData(answer);
        }
      }
    },
  );
});

describe('a landlord’s own team channel (teamChannelId), where its status cards are posted', () => {
  const VIDOMES_CHANNEL = '19:vidomes-team@thread.tacv2';
  const inVidomesChannel = {
    conversation: { id: `${VIDOMES_CHANNEL};messageid=7`, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { channel: { id: VIDOMES_CHANNEL } },
  } as const;

  beforeAll(async () => {
    const vidomes = (await store.parties.get('vidomes'))!;
    await store.parties.update({ ...vidomes, teamChannelId: VIDOMES_CHANNEL });
  });
  afterAll(async () => {
    const { teamChannelId: _channel, ...vidomes } = (await store.parties.get('vidomes'))!;
    await store.parties.update(vidomes);
  });

  it('lets the landlord’s own contact act there as in the 1:1 chat', async () => {
    const nomination = await nominationIn(store, world.time, 'registered');
    const before = await store.snapshot();
    const answer = await press(
      world,
      'landlord-addressed',
      'personal',
      'nomination.acknowledge',
      stepData('acknowledge', nomination),
      inVidomesChannel,
    );
    expect(answer.texts).toEqual([]);
    expect(answer.cards).toHaveLength(1);
    expect(JSON.stringify(answer.cards[0])).toContain('Jan MARKER');
    for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(JSON.stringify(answer.cards[0])).not.toContain(marker);
    expect((await store.nominations.get(nomination.id))?.state).toBe('acknowledged');
    expect(await store.snapshot()).not.toEqual(before);
  });

  it.each(COLUMNS.filter((c) => c !== 'landlord-addressed' && c !== 'unknown'))(
    'refuses %s there by place: nothing read, changed or audited',
    async (column) => {
      const nomination = await nominationIn(store, world.time, 'registered');
      for (const [verb, data] of [
        ['nomination.open', { nominationId: nomination.id }],
        ['nomination.acknowledge', stepData('acknowledge', nomination)],
        ['nomination.withdraw', stepData('withdraw', nomination)],
        ['signal.send', signalSendData(await tenancy())],
      ] as const) {
        const before = await store.snapshot();
        const mark = store.writes.length;
        const audited = store.auditWritten().length;
        const answer = await press(world, column, 'personal', verb, data, inVidomesChannel);
        expect(answer.texts, verb).toEqual([nl.nominationStatus.answers.cannotView]);
        expect(answer.cards).toEqual([]);
        expectUnchanged(before, await store.snapshot(), ALL_PARTS);
        expect(store.writes.slice(mark)).toEqual([]);
        expect(store.auditWritten()).toHaveLength(audited);
        expectNoPersonalData(answer);
      }
    },
  );
});

describe('a refusal by place', () => {
  it.each<Place>(['platform', 'other-channel', 'group-chat'])(
    'writes no audit record at all in %s, and answers in the reader’s language',
    async (place) => {
      const nomination = await nominationIn(store, world.time, 'registered');
      const audited = store.auditWritten().length;
      const dutch = await press(
        world,
        'landlord-addressed',
        place,
        'nomination.acknowledge',
        stepData('acknowledge', nomination),
      );
      const english = await press(
        world,
        'landlord-addressed',
        place,
        'nomination.acknowledge',
        stepData('acknowledge', nomination),
        {
          locale: 'en-US',
        },
      );
      expect(dutch.texts).toEqual([nl.nominationStatus.answers.cannotView]);
      expect(english.texts).toEqual([en.nominationStatus.answers.cannotView]);
      expect(english.texts[0]).not.toEqual(nl.nominationStatus.answers.cannotView);
      expect(store.auditWritten()).toHaveLength(audited);
      expect((await store.nominations.get(nomination.id))?.state).toBe('registered');
    },
  );
});

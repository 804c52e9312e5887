/**
 * Property-based: hostile payloads for every card verb and typed text, through the real bot, from
 * every person of the access matrix, in the 1:1 chat, in channels and in a group chat. For each payload: no crash,
 * no unhandled rejection, a clean answer (a known Dutch sentence or a valid card — never "Er ging
 * iets mis", never a missing invoke answer), no personal data the person may not see,
 * Object.prototype untouched, and nothing written for a payload the bot must reject.
 *
 * "Must reject" is decided per payload, without trusting the bot: the person may not do this
 * here (test/bot/access-matrix.ts), a field the action needs is missing or unusable, the version
 * is stale, the verb is unknown, the data is no object — or the bot answered with a sentence.
 *
 * Runs: FUZZ_RUNS on the memory store (1,000 by default, 10,000 in `npm run test:fuzz`) and
 * FUZZ_MONGO_RUNS on MongoDB (100 / 300).
 */
import { AdaptiveCards } from '@microsoft/teams-ai';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../bot/app';
import { COMMANDS } from '../../bot/commands';
import { parseConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { nl } from '../../bot/i18n/nl';
import { refusalText, WHO_MAY_CODES } from '../../src/nomination/refusals';
import { DEMO_CONTACTS } from '../../src/parties/demo-contacts';
import {
  COLUMNS,
  PLATFORM_CHANNEL,
  press,
  say,
  seedOtherOrganisations,
  startAccessWorld,
  submit,
  type AccessWorld,
  type Answer,
  type Column,
  type Place,
} from '../support/access-world';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { cardSpecs, Fixtures, mutate, type VerbSpec } from '../support/fuzz-card-specs';
import { messageText, mutation, notAnObject, weirdValue, type Mutation } from '../support/fuzz-payloads';
import { LANDLORD_FORBIDDEN_MARKERS, PERSONAL_MARKERS } from '../support/nomination-fixture';
import { STEP1 } from '../support/nomination-form-values';
import { TestClock } from '../support/status-flow';
import { snapshotStore, type SnapshotStore } from '../support/store-snapshot';
import { storeFactories } from '../support/stores';
import { CELL, MATRIX, matrixPlaceOf, type Cell } from './access-matrix';

const RUNS = { memory: Number(process.env.FUZZ_RUNS ?? 1000), mongodb: Number(process.env.FUZZ_MONGO_RUNS ?? 100) };

// ---- What a clean answer is -----------------------------------------------------------------

const NOT_OFFERED = /^".+" kun je hier niet gebruiken\. Dit kan wel:$/;
const KNOWN_TEXTS = new Set<string>([
  nl.notKnown,
  nl.nominationStatus.answers.unreadable,
  nl.nominationStatus.answers.cannotView,
  nl.nominationStatus.answers.notFound,
  nl.nomination.form.expired,
  nl.nomination.form.notAllowed,
  nl.nomination.verdict.notFound,
  // The lifecycle's refusals of who may (src/nomination/actor.ts, steps/lease.ts).
  ...WHO_MAY_CODES.map((code) => refusalText(nl.nominationStatus.refusals, { code })),
  // The signal verbs' refusals (bot/i18n/signals.nl.ts).
  nl.signals.answers.unreadable,
  nl.signals.answers.cannotView,
  ...Object.values(nl.signals.answers.errors),
]);

/** Who may see which candidate, in a 1:1 chat; "Anna de Vries" is what any nominator may put on a card of their own. */
const CANDIDATES = ['Jan MARKER', 'Karel KAMER', 'Lies LIMOR', STEP1.candidateName];
const MAY_SEE: Record<Column, string[]> = {
  counsellor: ['Jan MARKER', STEP1.candidateName],
  casemanager: ['Karel KAMER', STEP1.candidateName],
  limor: ['Lies LIMOR', STEP1.candidateName],
  'landlord-addressed': ['Jan MARKER'],
  'landlord-other': ['Karel KAMER'],
  ggd: [],
  coordinator: [],
  unknown: [],
};
const ANYONE = [...PERSONAL_MARKERS, ...Object.values(DEMO_CONTACTS).flatMap((c) => [c.name, c.email])];

// ---- Cases ----------------------------------------------------------------------------------

const VERBS = [...new Set(MATRIX.flatMap((r) => ('verb' in r.what && r.what.verb ? [r.what.verb] : [])))];
const KEYWORDS = COMMANDS.map((c) => c.keyword);
const PLACES: Place[] = ['personal', 'personal', 'personal', 'personal', 'platform', 'other-channel', 'group-chat'];

type Case =
  | {
      kind: 'card';
      verb: string | { unknown: unknown };
      /** A column, or the n-th person allowed to do this in a 1:1 chat (so the deep paths run too). */
      who: Column | { allowed: number };
      place: Place;
      mutations: Mutation[];
      replace: unknown;
      via: 'execute' | 'submit';
    }
  | { kind: 'raw-invoke'; who: Column; place: Place; value: unknown }
  | { kind: 'message'; who: Column; place: Place; text: unknown };

const cardCase: fc.Arbitrary<Case> = fc.record({
  kind: fc.constant('card' as const),
  verb: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...VERBS) },
    { weight: 1, arbitrary: fc.record({ unknown: fc.oneof(fc.string({ maxLength: 30 }), weirdValue) }) },
  ),
  who: fc.oneof(fc.constantFrom(...COLUMNS), fc.record({ allowed: fc.nat() })),
  place: fc.constantFrom(...PLACES),
  // Often none or one, so that valid actions (and the checks after them) run too.
  mutations: fc.oneof(
    { weight: 2, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 3, arbitrary: fc.tuple(mutation) },
    { weight: 2, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
  ),
  // Now and then no object at all where the card's data belongs.
  replace: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: notAnObject }),
  via: fc.constantFrom('execute' as const, 'execute' as const, 'execute' as const, 'submit' as const),
});
const rawInvokeCase: fc.Arbitrary<Case> = fc.record({
  kind: fc.constant('raw-invoke' as const),
  who: fc.constantFrom(...COLUMNS),
  place: fc.constantFrom(...PLACES),
  value: fc.oneof(
    weirdValue,
    weirdValue.map((action) => ({ action })),
  ),
});
const messageCase: fc.Arbitrary<Case> = fc.record({
  kind: fc.constant('message' as const),
  who: fc.constantFrom(...COLUMNS),
  place: fc.constantFrom(...PLACES),
  // Teams always sends text as a string; anything else now and then.
  text: fc.oneof({ weight: 9, arbitrary: messageText(KEYWORDS) }, { weight: 1, arbitrary: weirdValue }),
});
const anyCase = fc.oneof(
  { weight: 8, arbitrary: cardCase },
  { weight: 1, arbitrary: rawInvokeCase },
  { weight: 2, arbitrary: messageCase },
);

/** The matrix's cell; a group chat is on the rows of "other channel or group chat". */
function cellOf(place: Place, verb: string | undefined, column: Column): Cell {
  const where = matrixPlaceOf(place);
  const row = MATRIX.find((r) => r.place === where && 'verb' in r.what && r.what.verb === verb);
  return row?.cells[column] ?? CELL.unreadable;
}

// ---- Running one case -----------------------------------------------------------------------

const prototypeNames = () => JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort());

interface Run {
  world: AccessWorld;
  store: SnapshotStore;
  fx: Fixtures;
  specs: Record<string, VerbSpec>;
  count: number;
  rejected: number;
  /** Cases that changed something (valid actions, and mutations that kept them valid). */
  changed: number;
  /** Per card verb: payloads, and those that changed something (so a report shows each verb ran). */
  byVerb: Map<string, { payloads: number; changed: number }>;
}

interface Prepared {
  column: Column;
  send: () => Promise<Answer>;
  /** Nothing may be written, nothing may change. */
  mustReject: boolean;
  /** Only the audit record of a read may be written. */
  mayOnlyRead: boolean;
  invoke: boolean;
}

async function prepare(run: Run, c: Case): Promise<Prepared> {
  const { world } = run;
  if (c.kind === 'message') {
    const send = () => say(world, c.who, c.place, c.text);
    return { column: c.who, send, mustReject: false, mayOnlyRead: true, invoke: false };
  }
  if (c.kind === 'raw-invoke') {
    const send = () => press(world, c.who, c.place, undefined, undefined, { value: c.value as never });
    return { column: c.who, send, mustReject: true, mayOnlyRead: true, invoke: true };
  }
  const verb = typeof c.verb === 'string' ? c.verb : undefined;
  const spec: VerbSpec = (verb && run.specs[verb]) || { base: async () => ({}), fields: [] };
  const allowed = COLUMNS.filter((col) => cellOf('personal', verb, col).startsWith('allowed'));
  const column =
    typeof c.who === 'string' ? c.who : (allowed[c.who.allowed % Math.max(1, allowed.length)] ?? 'counsellor');
  const { data, verdict } = mutate(spec, await spec.base(column), c.mutations, run.fx);
  const payload = c.replace !== undefined ? c.replace : data;
  const cell = cellOf(c.place, verb, column);
  const sentVerb = typeof c.verb === 'string' ? c.verb : c.verb.unknown;
  const send = () =>
    c.via === 'execute'
      ? press(world, column, c.place, sentVerb, payload)
      : submit(world, column, c.place, isObject(payload) ? { ...payload, verb: sentVerb } : payload);
  const refusedHere = verdict !== 'retarget' && !cell.startsWith('allowed');
  return {
    column,
    send,
    // No object where the card's data belongs: unreadable, unless the verb needs no data (nomination.new, .list).
    mustReject:
      verb === undefined ||
      (c.replace !== undefined && spec.fields.some((f) => f.required)) ||
      verdict === 'breaks' ||
      refusedHere,
    mayOnlyRead: verdict !== 'retarget' && !cell.startsWith('allowed: acts'),
    invoke: c.via === 'execute',
  };
}

async function runCase(run: Run, c: Case): Promise<void> {
  const { store } = run;
  const { column, send, mustReject, mayOnlyRead, invoke } = await prepare(run, c);
  const before = await store.snapshot();
  const mark = store.writes.length;
  const answer = await send();
  const after = await store.snapshot();
  const written = store.writes.slice(mark);
  run.count += 1;
  const verbStats = c.kind === 'card' && typeof c.verb === 'string' ? tally(run, c.verb) : undefined;
  if (verbStats) verbStats.payloads += 1;

  // A clean answer: 200, a known Dutch sentence or a card, never the generic error.
  expect(answer.status).toBe(200);
  if (invoke) expect(answer.invokeStatus, 'no invoke answer').toBe(200);
  expect(answer.texts.length + answer.cards.length, 'no answer at all').toBeGreaterThan(0);
  for (const text of answer.texts) {
    expect(text).not.toBe(nl.somethingWentWrong);
    expect(KNOWN_TEXTS.has(text) || NOT_OFFERED.test(text), `unexpected answer "${text.slice(0, 200)}"`).toBe(true);
  }
  for (const card of answer.cards) {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).not.toContain('${');
  }
  // Now and then the full Adaptive Cards SDK check (it is slow).
  if (run.count % 50 === 0) {
    for (const content of answer.cards) {
      expectValidAdaptiveCard({ contentType: 'application/vnd.microsoft.card.adaptive', content });
    }
  }

  // Only what this person may see, and in the platform channel nothing personal at all.
  const visible = c.place === 'platform' ? [] : MAY_SEE[column];
  for (const name of CANDIDATES.filter((n) => !visible.includes(n))) {
    expect(answer.raw, `${column} sees ${name}`).not.toContain(name);
  }
  if (visible.length === 0) for (const text of ANYONE) expect(answer.raw, `shows ${text}`).not.toContain(text);
  if (column.startsWith('landlord')) for (const m of LANDLORD_FORBIDDEN_MARKERS) expect(answer.raw).not.toContain(m);

  expect(prototypeNames(), 'Object.prototype changed').toBe(PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  // Nothing written for what must be rejected, or for a card action that got a sentence back.
  if (mustReject || (answer.cards.length === 0 && c.kind !== 'message')) {
    run.rejected += 1;
    expect(written, 'written for a rejected payload').toEqual([]);
    expect(after).toEqual(before);
  } else if (mayOnlyRead) {
    expect(
      written.filter((w) => w !== 'audit.append'),
      'written by a read',
    ).toEqual([]);
    expect({ ...after, audit: '' }).toEqual({ ...before, audit: '' });
  }
  if (written.some((w) => w !== 'audit.append')) {
    run.changed += 1;
    if (verbStats) verbStats.changed += 1;
    await run.fx.refresh();
  }
}

function tally(run: Run, verb: string): { payloads: number; changed: number } {
  let stats = run.byVerb.get(verb);
  if (!stats) run.byVerb.set(verb, (stats = { payloads: 0, changed: 0 }));
  return stats;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PROTOTYPE = prototypeNames();

/** A card case with nothing special about it, for the regression cases. */
const CARD = {
  kind: 'card',
  who: 'counsellor',
  place: 'personal',
  mutations: [],
  replace: undefined,
  via: 'execute',
} as const satisfies Partial<Case>;

describe.each(storeFactories)('hostile payloads ($name store)', ({ name, create }) => {
  const runs = RUNS[name];
  let run: Run;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    const store = snapshotStore(await create());
    const time = new TestClock();
    const world = await startAccessWorld(store, time);
    await seedOtherOrganisations(store, time);
    const fx = new Fixtures(world);
    await fx.init();
    run = { world, store, fx, specs: cardSpecs(fx, store), count: 0, rejected: 0, changed: 0, byVerb: new Map() };
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await run.world.stop();
    await run.store.close();
  });

  it('has a payload spec for every card verb the bot routes, and for nothing else', async () => {
    // The verbs createApp registers (Action.Execute and the Action.Submit fallback), by name.
    const execute = vi.spyOn(AdaptiveCards.prototype, 'actionExecute');
    const submitted = vi.spyOn(AdaptiveCards.prototype, 'actionSubmit');
    let routed: string[];
    try {
      const config = parseConfig({ PORT: '0', PLATFORM_CHANNEL_ID: PLATFORM_CHANNEL });
      createApp(
        { config, store: run.store, logger: createLogger('silent'), clock: run.world.time.clock },
        run.world.bot.adapter,
      );
      routed = [...execute.mock.calls, ...submitted.mock.calls].map(([verb]) => String(verb));
    } finally {
      execute.mockRestore();
      submitted.mockRestore();
    }
    const specs = Object.keys(run.specs).sort();
    expect(routed.length).toBeGreaterThan(0);
    expect([...new Set(routed)].sort(), 'a routed verb without a spec in test/support/fuzz-card-specs.ts').toEqual(
      specs,
    );
    // And the fuzz draws from exactly those (VERBS comes from the access matrix).
    expect([...VERBS].sort()).toEqual(specs);
  });

  it('answers the payloads that once got through cleanly', async () => {
    const found: Case[] = [
      // 5000 homes as a JSON number: the card's inputs stop at 999, and so did the text form only.
      {
        ...CARD,
        verb: 'distribution.save-homes',
        who: 'coordinator',
        mutations: [{ kind: 'set', field: 2, value: 5000 }],
      },
      // An Action.Submit whose value is null: teams-ai's own route selector threw.
      { ...CARD, verb: 'nomination.new', replace: null, via: 'submit' },
      // A mention with no text: teams-ai's mention removal threw.
      { kind: 'message', who: 'counsellor', place: 'platform', text: null },
      // A verb no route knows: no invoke answer at all.
      { ...CARD, verb: { unknown: 'nomination.from-an-old-card' } },
      // A status card pressed in the platform channel: the landlord view, for everyone there on older clients.
      { ...CARD, verb: 'nomination.open', who: 'landlord-addressed', place: 'platform', via: 'submit' },
      // The same in a group chat and in another team's channel: refused by place too.
      { ...CARD, verb: 'nomination.open', who: 'landlord-addressed', place: 'group-chat', via: 'submit' },
      { ...CARD, verb: 'signal.send', who: 'counsellor', place: 'other-channel', via: 'submit' },
      // A signal on LIMOR's draft (addressed to Vidomes) by the Vidomes contact: "niet verstuurd,
      // no lease signed yet" told them the draft exists.
      { ...CARD, verb: 'signal.send', who: 'landlord-addressed', mutations: [{ kind: 'retarget', to: 1 }] },
    ];
    for (const c of found) await runCase(run, c);
  });

  it(`answers ${runs} of them cleanly, and changes nothing it must refuse`, async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(anyCase, (c) => runCase(run, c)),
      { numRuns: runs, ...(process.env.FUZZ_SEED && { seed: Number(process.env.FUZZ_SEED) }) },
    );
    expect(unhandled).toEqual([]);
    console.info(
      `fuzz (${name}): ${run.count} payloads (${run.rejected} rejected, ${run.changed} changed something) in ${Date.now() - started} ms`,
    );
    const perVerb = [...run.byVerb].sort(([a], [b]) => a.localeCompare(b));
    console.info(perVerb.map(([verb, v]) => `  ${verb}: ${v.payloads} payloads, ${v.changed} changed`).join('\n'));
  }, 1_800_000);
});

/**
 * The card data each verb's buttons send, valid at this moment, and what each field may hold: the
 * fuzz test (test/bot/fuzz-handlers.test.ts) mutates it and must know, without asking the bot,
 * whether the result is still a valid action ("unknown": maybe), surely not ("breaks"), or
 * another one ("retarget": pointed at another organisation's nomination).
 */
import { NAME_MAX } from '../../bot/nomination/form-fields';
import { DRAFT_ID_PATTERN, FORM_ID_PATTERN, FORM_MOVES } from '../../bot/nomination/form-schema';
import type { CardStep } from '../../cards/nomination-status/status.model';
import { setLandlordHomes, yearDistribution } from '../../src/distribution/distribution-service';
import type { Nomination } from '../../src/nomination/nomination';
import { SIGNAL_KINDS, type SignalKind } from '../../src/signals/signal';
import {
  nominationIn,
  parnassiaDraft,
  signalAcknowledgeData,
  signalSendData,
  signalTo,
  STEP_SETUP,
  stepData,
  tenancyNomination,
  type AccessWorld,
  type Column,
  type Stage,
} from './access-world';
import { put, type Mutation } from './fuzz-payloads';
import { STEP1 } from './nomination-form-values';
import type { SnapshotStore } from './store-snapshot';

type Judge = (value: unknown) => 'breaks' | 'unknown';
interface Field {
  name: string;
  /** Leaving it out makes the action unreadable or invalid; otherwise unknown. */
  required: boolean;
  judge: Judge;
}

const anyValueBreaks: Judge = () => 'breaks';
const textInput =
  (max: number): Judge =>
  (v) =>
    typeof v !== 'string' || v.length > max ? 'breaks' : 'unknown';
const toggleInput: Judge = (v) => (typeof v === 'boolean' || v === 'true' || v === 'false' ? 'unknown' : 'breaks');
/** zod's coerce is Number(v); a version other than the current one is a stale card. */
const versionIs =
  (current: () => number): Judge =>
  (v) =>
    Number(v) === current() ? 'unknown' : 'breaks';
/** What the cards allow for homes: a whole number 0–999, as a number or as the text Teams sends. */
const homes =
  (min: number): Judge =>
  (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : NaN;
    return Number.isInteger(n) && n >= min && n <= 999 ? 'unknown' : 'breaks';
  };

const STEP_INPUTS: Record<string, Judge> = {
  homeDescription: textInput(1000),
  offerMadeOn: textInput(10),
  offerAnswer: textInput(20),
  offerAnsweredOn: textInput(10),
  intakeOn: textInput(10),
  creditCheckOn: textInput(10),
  creditOutcome: textInput(20),
  creditExtraConditions: textInput(2000),
  creditAgreedWithCareProvider: toggleInput,
  leaseSignedOn: textInput(10),
  leaseTemporaryUntil: textInput(10),
  leaseGuidanceUntil: textInput(10),
  leaseCounsellorPresent: toggleInput,
  leaseGuidanceEndMayBeShared: toggleInput,
  evaluationOn: textInput(10),
  evaluationOutcome: textInput(20),
  leaseConvertedOn: textInput(10),
  refusalReason: textInput(2000),
};
const STEP_INPUTS_OF: Record<CardStep, string[]> = {
  acknowledge: [],
  'propose-home': ['homeDescription'],
  'confirm-suitable': [],
  'reject-suitable': [],
  'make-offer': ['offerMadeOn'],
  'record-offer-answer': ['offerAnswer', 'offerAnsweredOn'],
  'plan-intake': ['intakeOn'],
  'record-credit-check': ['creditCheckOn', 'creditOutcome', 'creditExtraConditions', 'creditAgreedWithCareProvider'],
  'sign-lease': [
    'leaseSignedOn',
    'leaseTemporaryUntil',
    'leaseGuidanceUntil',
    'leaseCounsellorPresent',
    'leaseGuidanceEndMayBeShared',
  ],
  'record-evaluation': ['evaluationOn', 'evaluationOutcome'],
  'confirm-evaluation': [],
  'convert-lease': ['leaseConvertedOn'],
  refuse: ['refusalReason'],
  withdraw: [],
};

export interface VerbSpec {
  /** The card's data as the one pressing it has it (the signal verbs: the side they are on). */
  base(column: Column): Promise<Record<string, unknown>>;
  fields: Field[];
  version?: { field: string; current: () => number; staleBreaks: boolean };
  /** The field naming what the action is on; "retarget" points it at another organisation's nomination. */
  target?: string;
}

/**
 * One nomination per stage the steps start from, one draft, and the other organisations'. A case
 * that changed one is undone by writing the original back (the version moves on), so the store
 * stays the same size however many cases run: snapshots stay cheap.
 */
export class Fixtures {
  private readonly byStage = new Map<Stage, Nomination>();
  private readonly originals = new Map<string, Nomination>();
  private readonly versions = new Map<string, number>();
  private draftId = '';
  private tenancyOf: Nomination | undefined;
  /** The signal each side has on its card, not yet acknowledged (a new one once it is). */
  private readonly pendingSignal = new Map<'counsellor' | 'landlord-addressed', string>();
  /** Not Parnassia's: the Lokale Kamer nomination and LIMOR's draft. */
  readonly foreign = ['nom-access-kamer', 'nom-access-limor'];

  constructor(private readonly world: AccessWorld) {}

  async init(): Promise<void> {
    const { store, time } = this.world;
    for (const step of Object.keys(STEP_SETUP) as CardStep[]) {
      const stage = STEP_SETUP[step].from;
      if (!this.byStage.has(stage)) this.byStage.set(stage, this.track(await nominationIn(store, time, stage)));
    }
    this.draftId = this.track(await parnassiaDraft(store, time)).id;
    this.tenancyOf = this.track(await tenancyNomination(store, time));
    for (const id of this.foreign) this.track((await store.nominations.get(id))!);
    const actor = { actorId: 'test', clock: time.clock, origin: 'test' };
    await setLandlordHomes(store, { year: 2025, landlordId: 'vidomes', homes: 900 }, actor);
  }

  private track(n: Nomination): Nomination {
    this.originals.set(n.id, n);
    this.versions.set(n.id, n.version);
    return n;
  }

  in(stage: Stage): { id: string; version: number } {
    const { id } = this.byStage.get(stage)!;
    return { id, version: this.versions.get(id)! };
  }

  get draft(): { id: string; version: number } {
    return { id: this.draftId, version: this.versions.get(this.draftId)! };
  }

  /** Parnassia's tenancy with Vidomes (8.1, 8.2, 10.5): the counsellor and the Vidomes contact signal on it. */
  get tenancy(): Nomination {
    return this.tenancyOf!;
  }

  /** A signal to `receiver`'s side that nobody acknowledged yet: the one on that side's card. */
  async signalTo(receiver: 'counsellor' | 'landlord-addressed'): Promise<string> {
    const { store, time } = this.world;
    const id = this.pendingSignal.get(receiver);
    const pending = id && (await store.signals.get(id));
    if (pending && !pending.acknowledgement) return pending.id;
    const signal = await signalTo(store, time, this.tenancy, receiver);
    this.pendingSignal.set(receiver, signal.id);
    return signal.id;
  }

  /** After a case that wrote: every fixture it changed is put back as it was. */
  async refresh(): Promise<void> {
    const { nominations } = this.world.store;
    for (const [id, original] of this.originals) {
      const now = await nominations.get(id);
      if (now && now.version === this.versions.get(id)) continue;
      const restored = now ? await nominations.replace(original, now.version) : await nominations.insert(original);
      this.versions.set(id, restored.version);
    }
  }
}

export function cardSpecs(fx: Fixtures, store: SnapshotStore): Record<string, VerbSpec> {
  const out: Record<string, VerbSpec> = {};
  for (const step of Object.keys(STEP_SETUP) as CardStep[]) {
    const current = () => fx.in(STEP_SETUP[step].from).version;
    out[`nomination.${step}`] = {
      base: async () => stepData(step, fx.in(STEP_SETUP[step].from)),
      fields: [
        { name: 'nominationId', required: true, judge: anyValueBreaks },
        { name: 'version', required: true, judge: versionIs(current) },
        ...STEP_INPUTS_OF[step].map((name) => ({ name, required: false, judge: STEP_INPUTS[name]! })),
      ],
      version: { field: 'version', current, staleBreaks: true },
      target: 'nominationId',
    };
  }
  const byId = (id: () => string): VerbSpec => ({
    base: async () => ({ nominationId: id() }),
    fields: [{ name: 'nominationId', required: true, judge: anyValueBreaks }],
    target: 'nominationId',
  });
  out['nomination.open'] = byId(() => fx.in('registered').id);
  out['nomination.show'] = byId(() => fx.in('registered').id);
  out['nomination.continue'] = byId(() => fx.draft.id);
  out['nomination.new'] = { base: async () => ({ fresh: 'false' }), fields: [] };
  out['nomination.list'] = { base: async () => ({}), fields: [] };
  out['nomination.form'] = {
    base: async () => ({
      move: 'save',
      step: 1,
      formId: 'ab'.repeat(12),
      draftId: fx.draft.id,
      version: fx.draft.version,
      ...STEP1,
    }),
    fields: [
      { name: 'move', required: true, judge: (v) => (FORM_MOVES.includes(v as never) ? 'unknown' : 'breaks') },
      { name: 'step', required: true, judge: (v) => ([1, 2, 3].includes(Number(v)) ? 'unknown' : 'breaks') },
      {
        name: 'formId',
        required: true,
        judge: (v) => (typeof v === 'string' && FORM_ID_PATTERN.test(v) ? 'unknown' : 'breaks'),
      },
      // Another well-formed draft id is nobody's draft (or someone else's): refused all the same.
      {
        name: 'draftId',
        required: false,
        judge: (v) => (v === null || (typeof v === 'string' && !DRAFT_ID_PATTERN.test(v)) ? 'unknown' : 'breaks'),
      },
      {
        name: 'candidateName',
        required: true,
        judge: (v) => {
          const plain = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
          const text = plain ? String(v) : '';
          return !plain || text.trim() === '' || text.length > NAME_MAX ? 'breaks' : 'unknown';
        },
      },
      ...['type', 'adults', 'minorChildren', 'wlzFunded', 'expectedToLiveIndependently', 'boundaryCrossing'].map(
        (name) => ({ name, required: true, judge: (): 'unknown' => 'unknown' }),
      ),
      { name: 'dateOfBirth', required: false, judge: () => 'unknown' },
      // A stale version saves nothing over someone else's change, or changes nothing at all.
      { name: 'version', required: false, judge: () => 'unknown' },
    ],
    version: { field: 'version', current: () => fx.draft.version, staleBreaks: false },
    target: 'draftId',
  };
  const distributionVersion = async () => (await yearDistribution(store, 2025)).version;
  let shownVersion = 0;
  out['distribution.save-homes'] = {
    base: async () => {
      shownVersion = await distributionVersion();
      const current = (await yearDistribution(store, 2025)).homes.vidomes ?? 0;
      return { year: 2025, version: shownVersion, homes_vidomes: String(current === 900 ? 899 : 900) };
    },
    fields: [
      { name: 'year', required: true, judge: (v) => ([2025, 2026].includes(Number(v)) ? 'unknown' : 'breaks') },
      { name: 'version', required: true, judge: versionIs(() => shownVersion) },
      // Left out: nothing to change, so nothing written.
      { name: 'homes_vidomes', required: true, judge: homes(0) },
    ],
    version: { field: 'version', current: () => shownVersion, staleBreaks: true },
  };
  const landlord: Judge = (v) =>
    ['vidomes', 'wooninvest', 'duivenvoorde'].includes(v as string) ? 'unknown' : 'breaks';
  out['distribution.exchange'] = {
    base: async () => ({ exchangeFrom: 'vidomes', exchangeTo: 'wooninvest', exchangeHomes: '1', exchangeNote: '' }),
    fields: [
      { name: 'exchangeFrom', required: true, judge: landlord },
      { name: 'exchangeTo', required: true, judge: landlord },
      { name: 'exchangeHomes', required: true, judge: homes(1) },
      {
        name: 'exchangeNote',
        required: false,
        judge: (v) => (typeof v === 'string' && v.trim().length <= 200 ? 'unknown' : 'breaks'),
      },
    ],
  };
  // ---- The signal verbs (bot/handlers/signals/signal-data.ts reads them) ----
  // The form on the tenancy's status card, a kind at a time, each with what it takes.
  const kinds: { kind: SignalKind; inputs: Record<string, unknown> }[] = [
    { kind: 'overlast', inputs: { signalNote: 'Buren klagen over geluid na middernacht' } },
    {
      kind: 'huurachterstand',
      inputs: { signalAchterstandBedrag: '812,50', signalAchterstandSinds: fx.tenancy.lease?.signedOn ?? '' },
    },
    { kind: 'einde-begeleiding', inputs: {} },
    { kind: 'weigering-begeleiding', inputs: {} },
  ];
  let sent = 0;
  out['signal.send'] = {
    base: async () => {
      const { kind, inputs } = kinds[sent++ % kinds.length]!;
      return { ...signalSendData(fx.tenancy), signalKind: kind, ...inputs };
    },
    fields: [
      // Another nomination is not this person's tenancy, or no tenancy: refused (without the card).
      { name: 'nominationId', required: true, judge: anyValueBreaks },
      {
        name: 'signalKind',
        required: true,
        judge: (v) => (SIGNAL_KINDS.includes(v as SignalKind) ? 'unknown' : 'breaks'),
      },
      // Read for huurachterstand only; a number is what Input.Number sends on some clients.
      {
        name: 'signalAchterstandBedrag',
        required: false,
        judge: (v) => (Number.isFinite(v) || (typeof v === 'string' && v.length <= 20) ? 'unknown' : 'breaks'),
      },
      { name: 'signalAchterstandSinds', required: false, judge: textInput(10) },
      { name: 'signalNote', required: false, judge: textInput(4000) },
    ],
    target: 'nominationId',
  };
  out['signal.acknowledge'] = {
    // The signal on the card of the receiving side: the Vidomes contact's, or else the counsellor's
    // (forwarded to anyone else, as in the access matrix).
    base: async (column) =>
      signalAcknowledgeData({
        id: await fx.signalTo(column === 'landlord-addressed' ? 'landlord-addressed' : 'counsellor'),
      }),
    fields: [{ name: 'signalId', required: true, judge: anyValueBreaks }],
  };
  return out;
}

export type Verdict = 'harmless' | 'unknown' | 'breaks' | 'retarget';
const WORST: Verdict[] = ['harmless', 'unknown', 'breaks', 'retarget'];
const worst = (a: Verdict, b: Verdict): Verdict => (WORST.indexOf(a) >= WORST.indexOf(b) ? a : b);

/** The card data after the mutations, and what they make of it (judged on the final data: a later mutation may undo an earlier one). */
export function mutate(spec: VerbSpec, base: Record<string, unknown>, mutations: Mutation[], fx: Fixtures) {
  const data: Record<string, unknown> = { ...base };
  const field = (i: number) => spec.fields[i % spec.fields.length];
  for (const m of mutations) {
    if (m.kind === 'remove' && field(m.field)) delete data[field(m.field)!.name];
    if (m.kind === 'set' && field(m.field)) put(data, field(m.field)!.name, m.value);
    if (m.kind === 'extra') put(data, m.key, m.value);
    if (m.kind === 'nested-proto') {
      // Own "__proto__"/"constructor"/"prototype" keys at two levels, as JSON.parse makes them.
      put(data, 'extra', put({}, m.key, put({}, 'prototype', put({}, 'polluted', 'yes'))));
      put(data, m.key, put({ polluted: 'yes' }, '__proto__', { polluted: 'yes' }));
    }
    if (m.kind === 'stale-version' && spec.version) data[spec.version.field] = String(spec.version.current() + m.by);
    if (m.kind === 'retarget' && spec.target) data[spec.target] = fx.foreign[m.to % fx.foreign.length];
  }
  let verdict: Verdict = 'harmless';
  for (const f of spec.fields) {
    const had = Object.hasOwn(base, f.name);
    const has = Object.hasOwn(data, f.name);
    if (f.name === spec.target && has && fx.foreign.includes(data[f.name] as string)) {
      verdict = worst(verdict, 'retarget');
    } else if (!has) {
      if (had) verdict = worst(verdict, f.required ? 'breaks' : f.name === spec.target ? 'retarget' : 'unknown');
    } else if (!Object.is(data[f.name], base[f.name])) {
      verdict = worst(verdict, f.judge(data[f.name]));
    }
  }
  return { data, verdict };
}

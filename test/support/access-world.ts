/**
 * One bot and the people of the access matrix (docs/security/access-control.md) for the security
 * tests: the demo contacts, a GGD Meldpunt contact, an unknown Teams user; the platform channel,
 * another channel and a group chat; nominations seeded in the state each step verb starts from, a
 * tenancy and its signals for the signal verbs; and a way to say or press something anywhere and
 * read the answer whatever its shape (message or invoke).
 */
import type { Activity, Attachment } from 'botbuilder';
import type { RunningBot } from '../../bot/main';
import type { CardStep } from '../../cards/nomination-status/status.model';
import type { Nomination, NominationState } from '../../src/nomination/nomination';
import { NominationService } from '../../src/nomination/service';
import { GGD_ID } from '../../src/parties/party';
import { addContact } from '../../src/parties/registry';
import type { Signal } from '../../src/signals/signal';
import { SignalService } from '../../src/signals/signal-service';
import type { Store } from '../../src/storage/ports';
import { aNominationFullOfSecrets } from './nomination-fixture';
import { demoActor, secretDraftFields, seedRegistered, type TestClock } from './status-flow';
import { DEMO, postActivity, startTestBot, teamsActivity } from './teams-bot';
import { startFakeTeamsConnector } from './teams-connector';
import { seedTenancy } from './tenancy';

export const PLATFORM_CHANNEL = '19:platform@thread.tacv2';
export const OTHER_CHANNEL = '19:elders@thread.tacv2';
/** A group chat the bot was added to (Teams group chats have no channel). */
export const GROUP_CHAT = '19:groepsgesprek_0123456789abcdef@thread.v2';
export const GGD_AAD = '00000000-0000-0000-0000-000000000008';
export const UNKNOWN_AAD = '00000000-0000-0000-0000-000000000099';

/** The matrix's columns, in its order. */
export const COLUMNS = [
  'counsellor',
  'casemanager',
  'landlord-addressed',
  'landlord-other',
  'limor',
  'ggd',
  'coordinator',
  'unknown',
] as const;
export type Column = (typeof COLUMNS)[number];

export const USERS: Record<Column, string> = {
  counsellor: DEMO['counsellor-parnassia'],
  casemanager: DEMO['casemanager-lokale-kamer'],
  'landlord-addressed': DEMO['landlord-vidomes'],
  'landlord-other': DEMO['landlord-duivenvoorde'],
  limor: DEMO['counsellor-limor'],
  ggd: GGD_AAD,
  coordinator: DEMO['platform-coordinator'],
  unknown: UNKNOWN_AAD,
};

/** A 1:1 chat, the platform channel, another team's channel, a group chat. */
export type Place = 'personal' | 'platform' | 'other-channel' | 'group-chat';

export interface AccessWorld {
  bot: RunningBot;
  store: Store;
  time: TestClock;
  /** Every activity's serviceUrl: answers the unknown user's member look-up with 404 at once. */
  serviceUrl: string;
  stop(): Promise<void>;
}

/** The bot with PLATFORM_CHANNEL_ID set, no outbox polling, no digest scheduler; the GGD contact added. */
export async function startAccessWorld(store: Store, time: TestClock): Promise<AccessWorld> {
  const connector = await startFakeTeamsConnector(() => time.now);
  const bot = await startTestBot(
    { PLATFORM_CHANNEL_ID: PLATFORM_CHANNEL },
    { store, clock: time.clock, outbox: { poll: false, sleep: time.sleep, random: () => 0 }, digestScheduler: false },
  );
  const ggd = await store.parties.get(GGD_ID);
  if (!ggd?.contacts.some((c) => c.aadObjectId === GGD_AAD)) {
    const contact = { id: 'test-ggd', name: 'Gerda Meldpunt', email: 'gerda.meldpunt@ggd.example.org' };
    await addContact(store, GGD_ID, { ...contact, role: 'ggd-contact', aadObjectId: GGD_AAD }, { origin: 'test' });
  }
  return {
    bot,
    store,
    time,
    serviceUrl: connector.url,
    async stop() {
      await bot.stop();
      await connector.close();
    },
  };
}

function where(place: Place): Partial<Activity> {
  if (place === 'personal') return {};
  if (place === 'group-chat') {
    return { conversation: { id: GROUP_CHAT, conversationType: 'groupChat', isGroup: true, name: '' } };
  }
  const channel = place === 'platform' ? PLATFORM_CHANNEL : OTHER_CHANNEL;
  return {
    conversation: { id: `${channel};messageid=1`, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { channel: { id: channel } },
  };
}

const MENTION = {
  type: 'mention',
  text: '<at>Convenantbot</at>',
  mentioned: { id: '28:convenantbot', name: 'Convenantbot' },
};

/** What the bot answered, whatever the shape: the sentences and cards, and the raw JSON. */
export interface Answer {
  status: number;
  texts: string[];
  cards: Record<string, unknown>[];
  /** Everything the bot sent back, as one string (for "no personal data" checks). */
  raw: string;
  /** The invoke response's own status, for card actions. */
  invokeStatus?: number;
}

/** A typed message; in a channel the bot is mentioned. `text` may be no string at all (fuzzing). */
export async function say(world: AccessWorld, column: Column, place: Place, text: unknown): Promise<Answer> {
  const channel = place !== 'personal';
  return answerOf(
    await postActivity(
      world.bot,
      teamsActivity(USERS[column], {
        serviceUrl: world.serviceUrl,
        ...where(place),
        text: (channel && typeof text === 'string' ? `<at>Convenantbot</at> ${text}` : text) as string,
        ...(channel && { entities: [MENTION] }),
      }),
    ),
  );
}

/** An Action.Execute as Teams sends it; `data` is the button's data with the inputs merged in. */
export async function press(
  world: AccessWorld,
  column: Column,
  place: Place,
  verb: unknown,
  data: unknown,
  fields: Partial<Activity> = {},
): Promise<Answer> {
  return answerOf(
    await postActivity(
      world.bot,
      teamsActivity(USERS[column], {
        serviceUrl: world.serviceUrl,
        ...where(place),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...fields,
      }),
    ),
  );
}

/** The Action.Submit fallback of older clients: a message with the data as its value. */
export async function submit(world: AccessWorld, column: Column, place: Place, value: unknown): Promise<Answer> {
  const activity = teamsActivity(USERS[column], {
    serviceUrl: world.serviceUrl,
    ...where(place),
    text: undefined,
    value,
  });
  return answerOf(await postActivity(world.bot, activity));
}

function answerOf(answer: Awaited<ReturnType<typeof postActivity>>): Answer {
  const texts: string[] = [];
  const cards: Record<string, unknown>[] = [];
  let invokeStatus: number | undefined;
  for (const activity of answer.activities) {
    if (activity.type === 'invokeResponse') {
      const value = activity.value as { status: number; body?: { type: string; value: unknown } };
      invokeStatus = value.status;
      if (value.body?.type === 'application/vnd.microsoft.card.adaptive') cards.push(value.body.value as never);
      else if (typeof value.body?.value === 'string') texts.push(value.body.value);
    }
    if (activity.type !== 'message') continue;
    if (activity.text) texts.push(activity.text);
    for (const attachment of (activity.attachments as Attachment[] | undefined) ?? []) {
      cards.push(attachment.content as Record<string, unknown>);
    }
  }
  return {
    status: answer.status,
    texts,
    cards,
    raw: JSON.stringify(answer.body ?? null),
    ...(invokeStatus !== undefined && { invokeStatus }),
  };
}

// ---- Nominations in the state each step starts from -----------------------------------------

/**
 * Where a step starts from: a state, or a signed lease one evaluation further on the way to 4.9's
 * conversion — a positive one the landlord recorded (the counsellor confirms it), then confirmed.
 */
export type Stage = NominationState | 'evaluation-recorded' | 'evaluation-confirmed';

/** The stage a card step is offered in, and what the card sends with it (Teams merges the inputs in). */
export const STEP_SETUP: Record<CardStep, { from: Stage; inputs: Record<string, string> }> = {
  acknowledge: { from: 'registered', inputs: {} },
  'propose-home': { from: 'acknowledged', inputs: { homeDescription: 'Dorpsstraat 12, Voorburg' } },
  'confirm-suitable': { from: 'home-proposed', inputs: {} },
  'reject-suitable': { from: 'home-proposed', inputs: {} },
  'make-offer': { from: 'suitability-confirmed', inputs: { offerMadeOn: '2025-06-16' } },
  'record-offer-answer': { from: 'offer-made', inputs: { offerAnswer: 'accepted', offerAnsweredOn: '2025-06-16' } },
  'plan-intake': { from: 'offer-accepted', inputs: { intakeOn: '2025-06-20' } },
  'record-credit-check': { from: 'offer-accepted', inputs: { creditCheckOn: '2025-06-16', creditOutcome: 'ok' } },
  'sign-lease': {
    from: 'credit-checked',
    inputs: {
      leaseSignedOn: '2025-06-16',
      leaseTemporaryUntil: '2027-06-16',
      leaseGuidanceUntil: '2026-06-16',
      leaseCounsellorPresent: 'true',
      leaseGuidanceEndMayBeShared: 'false',
    },
  },
  'record-evaluation': { from: 'lease-signed', inputs: { evaluationOn: '2025-06-16', evaluationOutcome: 'positive' } },
  'confirm-evaluation': { from: 'evaluation-recorded', inputs: {} },
  'convert-lease': { from: 'evaluation-confirmed', inputs: { leaseConvertedOn: '2027-06-16' } },
  refuse: { from: 'registered', inputs: { refusalReason: 'Past niet binnen de woningtoewijzingsregels (4.8).' } },
  withdraw: { from: 'registered', inputs: {} },
};

/** How a nomination gets from registered to each later stage: who takes which step, with what. */
const PATH: {
  to: Stage;
  step: CardStep;
  by: 'landlord-vidomes' | 'counsellor-parnassia';
  payload: object;
}[] = [
  { to: 'acknowledged', step: 'acknowledge', by: 'landlord-vidomes', payload: {} },
  { to: 'home-proposed', step: 'propose-home', by: 'landlord-vidomes', payload: { description: 'Dorpsstraat 12' } },
  { to: 'suitability-confirmed', step: 'confirm-suitable', by: 'counsellor-parnassia', payload: {} },
  { to: 'offer-made', step: 'make-offer', by: 'landlord-vidomes', payload: { madeOn: '2025-06-16' } },
  {
    to: 'offer-accepted',
    step: 'record-offer-answer',
    by: 'landlord-vidomes',
    payload: { answer: 'accepted', answeredOn: '2025-06-16' },
  },
  {
    to: 'credit-checked',
    step: 'record-credit-check',
    by: 'landlord-vidomes',
    payload: { on: '2025-06-16', outcome: 'ok' },
  },
  {
    to: 'lease-signed',
    step: 'sign-lease',
    by: 'landlord-vidomes',
    payload: {
      signedOn: '2025-06-16',
      temporaryUntil: '2027-06-16',
      guidanceAgreementUntil: '2026-06-16',
      counsellorPresent: true,
      guidanceEndMayBeShared: false,
    },
  },
  {
    to: 'evaluation-recorded',
    step: 'record-evaluation',
    by: 'landlord-vidomes',
    payload: { on: '2025-06-16', positive: true },
  },
  { to: 'evaluation-confirmed', step: 'confirm-evaluation', by: 'counsellor-parnassia', payload: {} },
];

let seeded = 0;

/** A Parnassia nomination (to Vidomes and WoonInvest, every string a marker) at `stage`. */
export async function nominationIn(store: Store, time: TestClock, stage: Stage): Promise<Nomination> {
  seeded += 1;
  let { nomination } = await seedRegistered(store, time, secretDraftFields(), `nom-access-${seeded}`);
  const service = new NominationService({ store, clock: time.clock, origin: 'test' });
  let reached: Stage = nomination.state;
  for (const hop of PATH) {
    if (reached === stage) break;
    const result = await service.apply(nomination.id, demoActor(hop.by), hop.step, hop.payload, nomination.version);
    if (!result.ok) throw new Error(`${hop.step}: ${result.error.message}`);
    nomination = result.nomination;
    reached = hop.to;
  }
  if (reached !== stage) throw new Error(`cannot seed a nomination at ${stage}`);
  return nomination;
}

/** The data a status card's step button sends for this nomination (the inputs filled in). */
export function stepData(step: CardStep, nomination: Pick<Nomination, 'id' | 'version'>): Record<string, unknown> {
  return {
    verb: `nomination.${step}`,
    nominationId: nomination.id,
    version: String(nomination.version),
    ...STEP_SETUP[step].inputs,
  };
}

// ---- Nominations of the other organisations, and drafts ---------------------------------------

/** Candidate names that say whose nomination it is: each organisation must see only its own. */
export const OWN_CANDIDATE: Partial<Record<Column, string>> = {
  counsellor: 'Jan MARKER',
  casemanager: 'Karel KAMER',
  limor: 'Lies LIMOR',
  'landlord-addressed': 'Jan MARKER',
  'landlord-other': 'Karel KAMER',
};

/**
 * A Lokale Kamer nomination registered with Duivenvoorde only (so the "other" landlord has a queue
 * of its own), and a LIMOR draft. Parnassia's nominations come from nominationIn.
 */
export async function seedOtherOrganisations(store: Store, time: TestClock): Promise<void> {
  const service = new NominationService({ store, clock: time.clock, origin: 'test' });
  const casper = demoActor('casemanager-lokale-kamer');
  const kamer = secretDraftFields({
    type: 'convenantwoning',
    candidate: { name: 'Karel KAMER', household: { adults: 1, minorChildren: 0 } },
    targetLandlordIds: ['duivenvoorde'],
  });
  const draft = await service.createDraft(casper, kamer, { id: 'nom-access-kamer' });
  if (!draft.ok) throw new Error(draft.error.message);
  const verdict = {
    ...aNominationFullOfSecrets().verdict!,
    allowedLandlordIds: ['duivenvoorde'],
    decidedAt: time.clock().toISOString(),
  };
  const submitted = await service.submit(draft.nomination.id, casper, verdict, draft.nomination.version);
  if (!submitted.ok) throw new Error(submitted.error.message);
  const limor = secretDraftFields({ candidate: { name: 'Lies LIMOR', household: { adults: 1, minorChildren: 2 } } });
  const limorDraft = await service.createDraft(demoActor('counsellor-limor'), limor, { id: 'nom-access-limor' });
  if (!limorDraft.ok) throw new Error(limorDraft.error.message);
}

let drafts = 0;

/** A Parnassia draft with an id the nomination card accepts (draft-id.ts's shape). */
export async function parnassiaDraft(store: Store, time: TestClock): Promise<Nomination> {
  drafts += 1;
  const service = new NominationService({ store, clock: time.clock, origin: 'test' });
  const id = `nom-${drafts.toString(16).padStart(24, '0')}`;
  const draft = await service.createDraft(demoActor('counsellor-parnassia'), secretDraftFields(), { id });
  if (!draft.ok) throw new Error(draft.error.message);
  return draft.nomination;
}

// ---- A tenancy and its signals, for the signal verbs -----------------------------------------

let tenancies = 0;

/**
 * A Parnassia nomination, leased by Vidomes (the addressed landlord), guidance end shareable (8.1,
 * 10.5): the counsellor and the Vidomes contact may signal each other on it, nobody else.
 */
export async function tenancyNomination(store: Store, time: TestClock): Promise<Nomination> {
  tenancies += 1;
  return seedTenancy(store, time, { id: `nom-access-tenancy-${tenancies}`, guidanceEndMayBeShared: true });
}

/** What the "Signaal" form on the tenancy's status card sends (Teams merges the inputs in). */
export function signalSendData(nomination: Pick<Nomination, 'id'>): Record<string, unknown> {
  return { verb: 'signal.send', nominationId: nomination.id, signalKind: 'overlast', signalNote: '' };
}

let signals = 0;

/** A signal on the tenancy, sent by the other side to `receiver`'s side (not yet acknowledged). */
export async function signalTo(
  store: Store,
  time: TestClock,
  nomination: Pick<Nomination, 'id'>,
  receiver: 'counsellor' | 'landlord-addressed',
): Promise<Signal> {
  signals += 1;
  const service = new SignalService({ store, clock: time.clock, origin: 'test' });
  const sender = demoActor(receiver === 'counsellor' ? 'landlord-vidomes' : 'counsellor-parnassia');
  const result = await service.send(sender, nomination.id, { kind: 'overlast' }, `sig-access-${signals}`);
  if (!result.ok) throw new Error(`signal.send: ${result.error.code}`);
  return result.signal;
}

/** What the "Ontvangst bevestigen" button on the signal card sends. */
export function signalAcknowledgeData(signal: Pick<Signal, 'id'>): Record<string, unknown> {
  return { verb: 'signal.acknowledge', signalId: signal.id };
}

/**
 * For tests of the nomination status flow through the real bot: a clock the test moves (the
 * outbox worker's pacing and backoff sleep on it), a bot with the worker not polling (the test
 * drains it), the demo contacts installed in their 1:1 chats, a registered nomination seeded
 * through the NominationService, and card actions sent as Teams sends them.
 */
import type { Activity } from 'botbuilder';
import type { RunningBot, StartBotOverrides } from '../../bot/main';
import { notifyNominationChange } from '../../bot/outbox/notify-nomination';
import type { Actor } from '../../src/nomination/actor';
import { pickDraftFields, type DraftFields } from '../../src/nomination/draft';
import type { Nomination } from '../../src/nomination/nomination';
import { NominationService } from '../../src/nomination/service';
import type { TransitionName } from '../../src/nomination/transitions';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { demoContactId, DEMO_CONTACTS, type DemoRole } from '../../src/parties/demo-contacts';
import type { Store } from '../../src/storage/ports';
import { aNominationFullOfSecrets } from './nomination-fixture';
import { DEMO, postActivity, startTestBot, teamsActivity } from './teams-bot';
import { cardOf, type FakeTeamsConnector } from './teams-connector';

/** Monday 16 June 2025, 10:00 in Amsterdam. */
export const START = Date.parse('2025-06-16T08:00:00.000Z');

export class TestClock {
  now = START;
  readonly clock = () => new Date(this.now);
  readonly sleep = async (ms: number) => {
    this.now += ms;
  };
  advance(ms: number): void {
    this.now += ms;
  }
}

export function startFlowBot(store: Store, time: TestClock, overrides: StartBotOverrides = {}): Promise<RunningBot> {
  return startTestBot(
    {},
    { store, clock: time.clock, outbox: { poll: false, sleep: time.sleep, random: () => 0 }, ...overrides },
  );
}

export const personalChat = (aadObjectId: string) => `a:personal-${aadObjectId}`;

/** The bot was added to the person's 1:1 chat: the bot stores where to reach them. */
export async function install(bot: RunningBot, connector: FakeTeamsConnector, role: DemoRole): Promise<void> {
  await postActivity(
    bot,
    teamsActivity(DEMO[role], {
      serviceUrl: connector.url,
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
    }),
  );
}

/** The bot was added to a team channel (anyone may do that). */
export async function installInChannel(
  bot: RunningBot,
  connector: FakeTeamsConnector,
  channelId: string,
): Promise<void> {
  await postActivity(
    bot,
    teamsActivity(DEMO['landlord-vidomes'], {
      serviceUrl: connector.url,
      type: 'conversationUpdate',
      text: undefined,
      conversation: { id: channelId, conversationType: 'channel', isGroup: true, name: '' },
      membersAdded: [{ id: '28:convenantbot', name: 'Convenantbot' }],
    }),
  );
}

export function demoActor(role: DemoRole): Actor {
  const contact = DEMO_CONTACTS[role];
  return { contactId: demoContactId(role), contactName: contact.name, partyId: contact.partyId, role: contact.role };
}

/** The marker nomination's draft fields (every string a marker), to vidomes and wooninvest. */
export function secretDraftFields(overrides: Partial<DraftFields> = {}): DraftFields {
  const full = aNominationFullOfSecrets();
  return { ...(pickDraftFields(full) as DraftFields), targetLandlordIds: ['vidomes', 'wooninvest'], ...overrides };
}

/** A nomination by the Parnassia counsellor, registered (5.3) and notified, as the form's submit does. */
export async function seedRegistered(
  store: Store,
  time: TestClock,
  fields: DraftFields = secretDraftFields(),
  id?: string,
): Promise<{ nomination: Nomination; unreachableContacts: { name: string; landlordId: string }[] }> {
  const service = new NominationService({ store, clock: time.clock, origin: 'test' });
  const counsellor = demoActor('counsellor-parnassia');
  const draft = await service.createDraft(counsellor, fields, id ? { id } : {});
  if (!draft.ok) throw new Error(`draft: ${draft.error.message}`);
  const verdict = { ...aNominationFullOfSecrets().verdict!, decidedAt: time.clock().toISOString() };
  const submitted = await service.submit(draft.nomination.id, counsellor, verdict, draft.nomination.version);
  if (!submitted.ok) throw new Error(`submit: ${submitted.error.message}`);
  const { unreachableContacts } = await notifyNominationChange({ store, clock: time.clock }, submitted);
  return { nomination: submitted.nomination, unreachableContacts };
}

/**
 * One step through the NominationService as `role`, and who must hear of it relayed to the outbox,
 * as a card action does: for getting a nomination to where a test's card actions begin.
 */
export async function takeStep(
  store: Store,
  time: TestClock,
  role: DemoRole,
  nomination: Nomination,
  step: TransitionName,
  payload: Record<string, unknown> = {},
): Promise<Nomination> {
  const service = new NominationService({ store, clock: time.clock, origin: 'test' });
  const result = await service.apply(nomination.id, demoActor(role), step, payload, nomination.version);
  if (!result.ok) throw new Error(`${step}: ${result.error.message}`);
  await notifyNominationChange({ store, clock: time.clock }, result);
  return result.nomination;
}

export { PARNASSIA_ID };

export interface InvokeAnswer {
  type: string;
  /** The card (application/vnd.microsoft.card.adaptive) or the sentence (…activity.message). */
  value: unknown;
}

/** An Action.Execute as Teams sends it: the action's data merged with the form's inputs. */
export async function execute(
  bot: RunningBot,
  connector: FakeTeamsConnector,
  role: DemoRole,
  action: { verb: string; data: Record<string, unknown> },
  inputs: Record<string, unknown> = {},
  fields: Partial<Activity> = {},
): Promise<InvokeAnswer> {
  const answer = await postActivity(
    bot,
    teamsActivity(DEMO[role], {
      serviceUrl: connector.url,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } } },
      ...fields,
    }),
  );
  const response = answer.activities.find((a) => a.type === 'invokeResponse')?.value as
    { status: number; body: { statusCode: number; type: string; value: unknown } } | undefined;
  if (!response) throw new Error(`no invoke response (${answer.status})`);
  return { type: response.body.type, value: response.body.value };
}

export const CARD_ANSWER = 'application/vnd.microsoft.card.adaptive';
export const TEXT_ANSWER = 'application/vnd.microsoft.activity.message';

/** The Action.Execute with this verb on a card, wherever it sits (ShowCard forms included). */
export function actionOn(card: unknown, verb: string): { verb: string; data: Record<string, unknown> } {
  const found = findExecutes(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} on the card`);
  return found;
}

export function verbsOn(card: unknown): string[] {
  return findExecutes(card).map((a) => a.verb);
}

function findExecutes(value: unknown): { verb: string; data: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap(findExecutes);
  if (!value || typeof value !== 'object') return [];
  const node = value as Record<string, unknown>;
  const own =
    node.type === 'Action.Execute' ? [{ verb: node.verb as string, data: node.data as Record<string, unknown> }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, child]) => (key === 'fallback' ? [] : findExecutes(child)))];
}

/** Each message in the conversation as it looks now: posted, then updated in place. */
export function messagesIn(
  connector: FakeTeamsConnector,
  conversationId: string,
): Map<string, Record<string, unknown>> {
  const messages = new Map<string, Record<string, unknown>>();
  for (const call of connector.delivered()) {
    if (call.conversationId === conversationId) messages.set(call.activityId, cardOf(call.activity));
  }
  return messages;
}

/** The one card in the conversation (the tests' conversations hold one nomination card each). */
export function onlyCardIn(
  connector: FakeTeamsConnector,
  conversationId: string,
): { activityId: string; card: Record<string, unknown> } {
  const messages = [...messagesIn(connector, conversationId)];
  if (messages.length !== 1) throw new Error(`${messages.length} cards in ${conversationId}`);
  const [activityId, card] = messages[0]!;
  return { activityId, card };
}

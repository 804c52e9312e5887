/**
 * After the signing, through the real bot on each store: the temporary lease (4.9), the yearly
 * evaluation (5.11) that one side records and the other confirms, the conversion to an indefinite
 * lease (4.9) — and, on another nomination, the landlord's refusal (5.5). Card actions as Teams
 * sends them, the outbox worker delivering to a fake Teams connector: each step updates the other
 * side's card in place, the audit trail has every step, a retry changes nothing, a landlord never
 * gets what 10.6 keeps from it, and an English-locale user gets the lifecycle's refusals in English.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import type { Nomination } from '../../src/nomination/nomination';
import type { TransitionName } from '../../src/nomination/transitions';
import type { DemoRole } from '../../src/parties/demo-contacts';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { LANDLORD_FORBIDDEN_MARKERS } from '../support/nomination-fixture';
import {
  actionOn,
  CARD_ANSWER,
  execute,
  install,
  messagesIn,
  onlyCardIn,
  personalChat,
  seedRegistered,
  startFlowBot,
  takeStep,
  TestClock,
  TEXT_ANSWER,
  verbsOn,
  type InvokeAnswer,
} from '../support/status-flow';
import { storeFactories, type TestStore } from '../support/stores';
import { DEMO } from '../support/teams-bot';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../support/teams-connector';

const VICTOR = personalChat(DEMO['landlord-vidomes']);
const WIM = personalChat(DEMO['landlord-wooninvest']);
const BEA = personalChat(DEMO['counsellor-parnassia']);
const LANDLORD_CONVERSATIONS = [VICTOR, WIM];
const DAY = 24 * 60 * 60_000;

/** From the registration to the credit check, as the status flow test takes it through the cards. */
const TO_CREDIT_CHECKED: [DemoRole, TransitionName, Record<string, unknown>?][] = [
  ['landlord-vidomes', 'acknowledge'],
  ['landlord-vidomes', 'propose-home', { description: 'Dorpsstraat 12, Voorburg' }],
  ['counsellor-parnassia', 'confirm-suitable'],
  ['landlord-vidomes', 'make-offer', { madeOn: '2025-06-16' }],
  ['counsellor-parnassia', 'record-offer-answer', { answer: 'accepted', answeredOn: '2025-06-16' }],
  ['landlord-vidomes', 'record-credit-check', { on: '2025-06-16', outcome: 'ok' }],
];

/** The status card's own buttons (a tenancy's card also has the signal form). */
const stepVerbsOn = (card: unknown) => verbsOn(card).filter((verb) => verb.startsWith('nomination.'));

describe.each(storeFactories)('after the signing, and a refusal ($name store)', ({ create }) => {
  let store: TestStore;
  let time: TestClock;
  let connector: FakeTeamsConnector;
  let bot: RunningBot;

  beforeEach(async () => {
    store = await create();
    time = new TestClock();
    connector = await startFakeTeamsConnector(() => time.now);
    bot = await startFlowBot(store, time);
    for (const role of ['landlord-vidomes', 'landlord-wooninvest', 'counsellor-parnassia'] as const) {
      await install(bot, connector, role);
    }
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
    await store.close();
  });

  const drain = () => bot.outbox.drainOnce();
  const cardIn = (conversation: string) => onlyCardIn(connector, conversation).card;
  const textOf = (value: unknown) => JSON.stringify(value);
  const cardAnswer = (answer: InvokeAnswer) => {
    expect(answer.type).toBe(CARD_ANSWER);
    return expectValidAdaptiveCard({ contentType: CARD_ANSWER, content: answer.value });
  };
  /** Which conversations got a call since `mark`, and how. */
  const callsSince = (mark: number) =>
    connector.calls
      .slice(mark)
      .map((c) => `${c.method} ${c.conversationId}`)
      .sort();
  const steps = async (n: Nomination) =>
    (await store.audit.listForObject(n.id))
      .filter((r) => r.action.startsWith('nomination.transition:'))
      .map((r) => `${r.action.replace('nomination.transition:', '')} ${r.actorId} ${r.result}`);

  /**
   * A button on the card in `conversation`, pressed by `role` there: the answer is that card
   * refreshed; the drain then updates the other side's card in place, and nothing is posted anew.
   */
  async function press(
    role: DemoRole,
    conversation: string,
    verb: string,
    inputs: Record<string, unknown>,
    other: string,
    locale?: string,
  ) {
    const { activityId, card } = onlyCardIn(connector, conversation);
    const answer = cardAnswer(
      await execute(bot, connector, role, actionOn(card, verb), inputs, {
        replyToId: activityId,
        ...(locale && { locale }),
      }),
    );
    const mark = connector.calls.length;
    await drain();
    expect(callsSince(mark)).toContain(`PUT ${other}`);
    expect(callsSince(mark).filter((c) => c.startsWith('POST'))).toEqual([]);
    return answer;
  }

  it('signs the temporary lease, records and confirms the evaluation, and converts the lease', async () => {
    let { nomination } = await seedRegistered(store, time);
    for (const [role, step, payload] of TO_CREDIT_CHECKED) {
      nomination = await takeStep(store, time, role, nomination, step, payload);
    }
    await drain();
    expect(stepVerbsOn(cardIn(VICTOR))).toEqual(['nomination.sign-lease', 'nomination.refuse']);
    expect(stepVerbsOn(cardIn(BEA))).toEqual(['nomination.withdraw']);

    // 4.9, 4.10, 5.10: the temporary lease; both sides may now record the yearly evaluation (5.11).
    const signed = await press(
      'landlord-vidomes',
      VICTOR,
      'nomination.sign-lease',
      {
        leaseSignedOn: '2025-06-16',
        leaseTemporaryUntil: '2027-06-16',
        leaseGuidanceUntil: '2026-06-16',
        leaseCounsellorPresent: 'true',
        leaseGuidanceEndMayBeShared: 'false',
      },
      BEA,
    );
    expect(textOf(signed)).toContain('getekend op 16-06-2025, loopt tot 16-06-2027');
    expect(textOf(signed)).toContain('Volgende evaluatie uiterlijk (5.11)');
    expect(stepVerbsOn(signed)).toEqual(['nomination.record-evaluation']);
    expect(textOf(cardIn(BEA))).toContain('tijdelijk huurcontract getekend');
    expect(stepVerbsOn(cardIn(BEA))).toEqual(['nomination.record-evaluation']);
    // Nothing to convert without a joint positive evaluation: the button is not there, and a
    // crafted one is refused with the rule.
    const early = cardAnswer(
      await execute(bot, connector, 'landlord-vidomes', {
        verb: 'nomination.convert-lease',
        data: {
          verb: 'nomination.convert-lease',
          nominationId: nomination.id,
          version: String(nomination.version + 1),
        },
      }),
    );
    expect(textOf(early)).toContain('Niet opgeslagen: 4.9: omzetten naar onbepaalde tijd kan pas na een gezamenlijke');

    // A year on (5.11): Victor records the evaluation with the tenant and the counsellor as positive.
    time.advance(360 * DAY);
    const recorded = await press(
      'landlord-vidomes',
      VICTOR,
      'nomination.record-evaluation',
      { evaluationOn: '2026-06-10', evaluationOutcome: 'positive' },
      BEA,
    );
    expect(textOf(recorded)).toContain('10-06-2026: positief, wacht op bevestiging door de andere partij (4.9)');
    expect(stepVerbsOn(recorded)).toEqual(['nomination.record-evaluation']);
    // 4.9: the other side confirms; Victor's own confirmation is refused, nothing changes.
    expect(stepVerbsOn(cardIn(BEA))).toEqual(['nomination.record-evaluation', 'nomination.confirm-evaluation']);
    expect(textOf(cardIn(BEA))).toContain('10-06-2026: positief, wacht op je bevestiging (4.9)');
    const versionBefore = (await store.nominations.get(nomination.id))!.version;
    const ownConfirmation = await execute(
      bot,
      connector,
      'landlord-vidomes',
      actionOn(cardIn(BEA), 'nomination.confirm-evaluation'),
    );
    expect(ownConfirmation).toEqual({
      type: TEXT_ANSWER,
      value: '4.9: de andere partij (zorgorganisatie of verhuurder) bevestigt deze evaluatie.',
    });
    expect((await store.nominations.get(nomination.id))!.version).toBe(versionBefore);

    // Bea confirms, her Teams in English: her answer is in English; Victor's card gets the button
    // to convert. (Cards the worker sends are in the language of the chat's stored reference.)
    const confirmAction = actionOn(cardIn(BEA), 'nomination.confirm-evaluation');
    const confirmed = await press('counsellor-parnassia', BEA, 'nomination.confirm-evaluation', {}, VICTOR, 'en-US');
    expect(textOf(confirmed)).toContain('10 Jun 2026: positive, jointly positive (4.9)');
    expect(textOf(cardIn(BEA))).toMatch(/jointly positive \(4\.9\)|gezamenlijk positief \(4\.9\)/);
    expect(stepVerbsOn(cardIn(VICTOR))).toEqual(['nomination.record-evaluation', 'nomination.convert-lease']);
    expect(textOf(cardIn(VICTOR))).toContain('10-06-2026: positief, gezamenlijk positief (4.9)');
    // Teams retrying her invoke: the card as it stands, nothing changed, nothing sent.
    const version = (await store.nominations.get(nomination.id))!.version;
    const mark = connector.calls.length;
    const retried = await execute(bot, connector, 'counsellor-parnassia', confirmAction, {}, { locale: 'en-US' });
    expect(textOf(cardAnswer(retried))).toContain('jointly positive (4.9)');
    expect((await store.nominations.get(nomination.id))!.version).toBe(version);
    expect(await drain()).toMatchObject({ sent: 0 });
    expect(connector.calls.length).toBe(mark);

    // 4.9: Victor converts the lease, from the day the temporary one ends.
    const converted = await press(
      'landlord-vidomes',
      VICTOR,
      'nomination.convert-lease',
      { leaseConvertedOn: '2027-06-16' },
      BEA,
    );
    expect(textOf(converted)).toContain('huurcontract voor onbepaalde tijd');
    expect(textOf(converted)).toContain('Onbepaalde tijd vanaf (4.9)');
    expect(textOf(converted)).toContain('16-06-2027');
    expect(stepVerbsOn(converted)).toEqual([]);
    // Bea last used Teams in English: the outbox draws her card in English now.
    expect(textOf(cardIn(BEA))).toContain('"value":"indefinite lease"');
    expect(textOf(cardIn(BEA))).toContain('Indefinite from (4.9)');
    expect(stepVerbsOn(cardIn(BEA))).toEqual([]);
    const stored = (await store.nominations.get(nomination.id))!;
    expect(stored).toMatchObject({ state: 'lease-indefinite', lease: { convertedOn: '2027-06-16' } });
    expect(stored.closedAt).toBeDefined();

    // The audit trail has every step, by contact id; the refused attempts as denied.
    expect(await steps(nomination)).toEqual(
      expect.arrayContaining([
        'sign-lease demo-landlord-vidomes success',
        'record-evaluation demo-landlord-vidomes success',
        'confirm-evaluation demo-landlord-vidomes denied',
        'confirm-evaluation demo-counsellor-parnassia success',
        'convert-lease demo-landlord-vidomes success',
      ]),
    );
    expect((await steps(nomination)).filter((s) => s.startsWith('confirm-evaluation demo-counsellor'))).toHaveLength(1);

    // Landlords were never sent anything the covenant keeps from them (10.6); one card per chat.
    const toLandlords = connector.calls.filter((c) => LANDLORD_CONVERSATIONS.includes(c.conversationId));
    for (const call of toLandlords) {
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(textOf(call.activity)).not.toContain(marker);
    }
    for (const conversation of [...LANDLORD_CONVERSATIONS, BEA])
      expect(messagesIn(connector, conversation).size).toBe(1);
  }, 90_000);

  it('lets an addressed landlord refuse the candidate with a reason (5.5), which closes the nomination', async () => {
    const { nomination } = await seedRegistered(store, time);
    await drain();
    expect(stepVerbsOn(cardIn(WIM))).toEqual(['nomination.acknowledge', 'nomination.refuse']);

    // No reason, no refusal: the card says so (in the reader's language), nothing changes.
    const noReason = cardAnswer(
      await execute(bot, connector, 'landlord-wooninvest', actionOn(cardIn(WIM), 'nomination.refuse'), {
        refusalReason: '  ',
      }),
    );
    expect(textOf(noReason)).toContain('Niet opgeslagen: Vul de reden in.');
    const inEnglish = cardAnswer(
      await execute(
        bot,
        connector,
        'landlord-wooninvest',
        actionOn(cardIn(WIM), 'nomination.refuse'),
        { refusalReason: '' },
        { locale: 'en-GB' },
      ),
    );
    expect(textOf(inEnglish)).toContain('Not saved: Please fill in the reason.');
    expect((await store.nominations.get(nomination.id))!.state).toBe('registered');

    const reason = 'Het inkomen past niet binnen de toewijzingsregels (4.8).';
    const mark = connector.calls.length;
    const refused = cardAnswer(
      await execute(bot, connector, 'landlord-wooninvest', actionOn(cardIn(WIM), 'nomination.refuse'), {
        refusalReason: reason,
      }),
    );
    expect(textOf(refused)).toContain('geweigerd door verhuurder');
    expect(textOf(refused)).toContain(reason);
    expect(stepVerbsOn(refused)).toEqual([]);
    await drain();
    // The nominating organisation hears of it, with the reason; Vidomes that it closed, not why.
    expect(callsSince(mark)).toEqual([`POST ${BEA}`, `PUT ${VICTOR}`, `PUT ${WIM}`].sort());
    expect(textOf(cardIn(BEA))).toContain('Geweigerd door de verhuurder (5.5)');
    expect(textOf(cardIn(BEA))).toContain(reason);
    expect(stepVerbsOn(cardIn(BEA))).toEqual([]);
    expect(textOf(cardIn(VICTOR))).toContain('geweigerd door verhuurder');
    expect(textOf(cardIn(VICTOR))).not.toContain(reason);
    expect(stepVerbsOn(cardIn(VICTOR))).toEqual([]);

    // Victor's card from before is stale now: the card as it stands, with a note.
    const late = cardAnswer(
      await execute(bot, connector, 'landlord-vidomes', {
        verb: 'nomination.acknowledge',
        data: { verb: 'nomination.acknowledge', nominationId: nomination.id, version: String(nomination.version) },
      }),
    );
    expect(textOf(late)).toContain('Deze kaart was niet meer actueel');

    const stored = (await store.nominations.get(nomination.id))!;
    expect(stored).toMatchObject({ state: 'refused', refusal: { landlordId: 'wooninvest', reason } });
    expect(stored.closedAt).toBeDefined();
    expect((await steps(nomination)).sort()).toEqual([
      'acknowledge demo-landlord-vidomes conflict',
      'refuse demo-landlord-wooninvest denied',
      'refuse demo-landlord-wooninvest success',
      'submit demo-counsellor-parnassia success',
    ]);
  }, 60_000);
});

/**
 * The whole journey through the Microsoft 365 Agents Playground's HTTP API and message streams,
 * against the real bot on MongoDB (the server of test/setup/global-mongo.ts: FerretDB in the
 * normal run), one person per playground (test/support/playground-world.ts), the story and the
 * values of test/support/playground-journey.ts:
 *
 *  1. the counsellor types "aanmelden", fills the nomination card's three steps — first with
 *     mistakes, which come back at the fields with the values kept — and sees the verdict;
 *  2. the landlord's contact is told, in the landlord view only (10.6);
 *  3. LIMOR nominates an evicted family for a noodwoning (1l, 6): only Vidomes gets it (6.3, 6.4),
 *     first in its queue (5.4), and acknowledges it;
 *  4. the landlord takes the convenantwoning to the signed lease, the counsellor confirming the
 *     home (4.5) and recording the candidate's answer;
 *  5. nuisance and arrears signals go both ways from the tenancy's status card, each acknowledged
 *     by the receiver and shown so on the sender's own copy (8.2);
 *  6. the platform channel asks `status` and gets the forced weekly digest: counts only (10.2);
 *  7. nothing the covenant keeps from landlords reached one, nothing personal reached the channel.
 *
 * The outbox worker does not poll: the test drains it after each step, with a clock that its
 * pacing moves, so every date on the cards is known. WoonInvest's contact has no playground, so he
 * stays unreachable, as someone without the app. The tests are one journey, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMOR_ID } from '../../src/parties/party';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { buttonFor, errorUnder, inputValue, stepOf, texts, type Card } from '../support/nomination-card-driver';
import { cardsOf, type StreamEvent } from '../../scripts/playground/playground';
import {
  ANNA,
  ANNA_STEP1,
  ANNA_STEP1_MISTAKES,
  ANNA_STEP2,
  ANNA_STEP3,
  ARREARS,
  FAMILY,
  FAMILY_STEP1,
  FAMILY_STEP2,
  FAMILY_STEP3,
  FORBIDDEN_FOR_LANDLORDS,
  FORBIDDEN_FOR_PLATFORM,
  HOME,
  LEASE,
  MOTIVATION,
  NUISANCE_NOTE,
  RESIDENCY_FROM,
} from '../support/playground-journey';
import {
  startPlaygroundWorld,
  textOf,
  titleOf,
  type PlaygroundPerson,
  type PlaygroundWorld,
} from '../support/playground-world';
import { actionOn, TestClock, verbsOn as allVerbsOn } from '../support/status-flow';
import { storeFactories } from '../support/stores';
import { stringsAtAnyDepth } from '../src/views/leak-check';

const STEP_1 = 'Stap 1 van 3: Kandidaat en huishouden';

/** The lifecycle steps a card offers (signals, another module's, come and go beside them). */
const verbsOn = (card: unknown) => allVerbsOn(card).filter((verb) => verb.startsWith('nomination.'));
const mongodb = storeFactories.find((factory) => factory.name === 'mongodb')!;

describe('the whole journey in the Agents Playground', () => {
  let world: PlaygroundWorld;
  let bea: PlaygroundPerson; // Parnassia's counsellor
  let victor: PlaygroundPerson; // Vidomes's fixed contact
  let lotte: PlaygroundPerson; // LIMOR's counsellor
  let gemma: PlaygroundPerson; // the platform coordinator, in the platform channel
  const time = new TestClock();

  beforeAll(async () => {
    world = await startPlaygroundWorld({
      store: await mongodb.create(),
      time,
      roles: ['counsellor-parnassia', 'landlord-vidomes', 'counsellor-limor', 'platform-coordinator'],
      platformRole: 'platform-coordinator',
    });
    bea = world.person('counsellor-parnassia');
    victor = world.person('landlord-vidomes');
    lotte = world.person('counsellor-limor');
    gemma = world.person('platform-coordinator');
  }, 60_000);

  afterAll(async () => {
    await world?.stop();
    await world?.bot.store.close();
  });

  /** Types "aanmelden" and fills the form's steps; the card the last press answers with. */
  async function nominate(who: PlaygroundPerson, steps: Record<string, string>[]): Promise<Card> {
    const form = await world.say(who, 'aanmelden');
    let card = form.card;
    for (const [index, inputs] of steps.entries()) {
      const move = index === 2 ? 'submit' : 'next';
      card = await world.press(
        who,
        form.messageId,
        { verb: buttonFor(card, move).verb, data: buttonFor(card, move) },
        inputs,
      );
    }
    return card;
  }

  /** Presses a button on the person's status card of `candidate`. */
  async function pressOn(who: PlaygroundPerson, candidate: string, verb: string, inputs: Record<string, unknown> = {}) {
    const { messageId, card } = await world.nominationCard(who, candidate, `Aanmelding ${candidate}`);
    return world.press(who, messageId, actionOn(card, verb), inputs);
  }

  /** After each step: the answer shows the new state, and both sides' cards follow it. */
  async function expectEverywhere(answer: Card, candidate: string, state: string, people: PlaygroundPerson[]) {
    expect(textOf(answer)).toContain(state);
    await world.drain();
    for (const person of people) await world.nominationCard(person, candidate, state);
  }

  it('the counsellor types "aanmelden", gets her mistakes back at the fields, and then the verdict', async () => {
    const form = await world.say(bea, 'aanmelden');
    expect(texts(form.card)).toContain(STEP_1);
    const next = (card: Card) => ({ verb: buttonFor(card, 'next').verb, data: buttonFor(card, 'next') });

    // Volgende with mistakes: the same step again, each problem in Dutch under its field, values kept.
    let card = await world.press(bea, form.messageId, next(form.card), ANNA_STEP1_MISTAKES);
    expect(stepOf(card)).toBe(1);
    expect(texts(card)).toContain('Niet opgeslagen: kijk naar de meldingen bij de velden.');
    expect(errorUnder(card, 'candidateName')).toBe('Vul dit in.');
    expect(errorUnder(card, 'dateOfBirth')).toBe('Deze datum kan niet in de toekomst liggen.');
    expect(errorUnder(card, 'expectedEndOfIntramuralCare')).toBe('Dit is geen geldige datum (JJJJ-MM-DD).');
    expect(errorUnder(card, 'adults')).toBeUndefined();
    expect(inputValue(card, 'dateOfBirth')).toBe('2999-01-01');
    expect(inputValue(card, 'expectedEndOfIntramuralCare')).toBe('31-12-2025');
    expect(inputValue(card, 'wlzFunded')).toBe('false');
    expect(await world.bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID })).toEqual([]);

    card = await world.press(bea, form.messageId, next(card), ANNA_STEP1);
    expect(texts(card)).toContain('Stap 2 van 3: Woonperiodes, wensen en verhuurders');
    card = await world.press(bea, form.messageId, next(card), ANNA_STEP2);
    expect(stepOf(card)).toBe(3);
    const submit = buttonFor(card, 'submit');
    const verdict = await world.press(bea, form.messageId, { verb: submit.verb, data: submit }, ANNA_STEP3);

    expect(texts(verdict)).toEqual(expect.arrayContaining([`Aanmelding ${ANNA}`, 'Voldoet aan de criteria']));
    const shown = textOf(verdict);
    // The counsellor sees her own justice-related exception (5.6l) and deviation (5.6j) in the verdict.
    expect(shown).toContain('5.6l: De kandidaat heeft een TBS-maatregel en is aangedragen via de burgemeester.');
    expect(shown).toContain('5.6j: De begeleider wijkt gemotiveerd af van verplicht budgetbeheer.');
    expect(shown).toContain('Streefdatum woningaanbod (5.4)\n16-09-2025');
    expect(shown).toContain('Stichting Vidomes\nplaats 1');
    expect(shown).toContain('Stichting WoonInvest\nplaats 1');
    // Wim Woning (WoonInvest) never had the app added: the counsellor is told to call him.
    expect(shown).toContain('Deze contactpersonen hebben de app nog niet: Wim Woning (Stichting WoonInvest).');
  });

  it('the landlord contact is told, in the landlord view only', async () => {
    // Registered (5.3): the landlord view goes to Victor's 1:1 chat, proactively.
    await world.drain();
    const { card } = await world.nominationCard(victor, ANNA, `Aanmelding ${ANNA}`);
    expect(textOf(card)).toContain('Convenantwoning, aangemeld door Parnassia Haaglanden');
    expect(textOf(card)).toContain('Gelijkvloers, twee kamers'); // 5.7: what he needs for the offer
    expect(verbsOn(card)).toEqual(['nomination.acknowledge', 'nomination.refuse']);
    const strings = stringsAtAnyDepth(card).join('\n');
    for (const marker of FORBIDDEN_FOR_LANDLORDS) expect(strings, marker).not.toContain(marker);
    // Nobody's playground saw another's chat.
    for (const [one, other] of [
      [bea, victor],
      [victor, bea],
      [lotte, victor],
    ] as const) {
      expect(one.pg.stream.events.some((e) => e.actionConversationId === other.chat)).toBe(false);
    }
  });

  it('LIMOR nominates an evicted family for a noodwoning: Vidomes only (6.3, 6.4), first in its queue (5.4)', async () => {
    time.advance(60 * 60_000); // an hour later: the queue orders by type first, then by registration
    const verdict = await nominate(lotte, [FAMILY_STEP1, FAMILY_STEP2, FAMILY_STEP3]);
    const shown = textOf(verdict);
    expect(texts(verdict)).toEqual(expect.arrayContaining([`Aanmelding ${FAMILY}`, 'Voldoet aan de criteria']));
    expect(shown).toContain(
      '5.6k: De kandidaat is in de afgelopen drie jaar uit een woning gezet, maar komt uit een noodwoning.',
    );
    // Neither the landlord that evicted the family (6.3) nor Duivenvoorde (6.4).
    expect(shown).toContain('Stichting Vidomes\nplaats 1');
    expect(shown).not.toContain('Stichting WoonInvest');
    expect(shown).not.toContain('Stichting Duivenvoorde');
    const [stored] = await world.bot.store.nominations.find({ nominatingPartyId: LIMOR_ID });
    expect(stored).toMatchObject({
      type: 'noodwoning',
      state: 'registered',
      targetLandlordIds: ['vidomes'],
      noodwoning: { referredByGgdMeldpunt: true, evictingLandlordId: 'wooninvest' },
      candidate: { household: { adults: 2, minorChildren: 3 } },
    });

    await world.drain();
    const family = await world.nominationCard(victor, FAMILY, `Aanmelding ${FAMILY}`);
    expect(textOf(family.card)).toContain('Noodwoning, aangemeld door LIMOR');
    expect(textOf(family.card)).toContain('2 volwassenen, 3 minderjarige kinderen');
    // Who evicted the family, and when, is not Vidomes's to know (6.3, 10.6).
    expect(textOf(family.card)).not.toContain('WoonInvest');

    // 5.4: noodwoningen first, then in order of registration.
    const queue = await world.say(victor, 'wachtrij');
    const headings = texts(queue.card).filter((text) => /^Nr\. \d+ · /.test(text));
    expect(headings).toEqual([`Nr. 1 · ${FAMILY}`, `Nr. 2 · ${ANNA}`]);

    const acknowledged = await world.press(victor, family.messageId, actionOn(family.card, 'nomination.acknowledge'));
    await expectEverywhere(acknowledged, FAMILY, 'Ontvangst bevestigd door Victor Verhuur op 16-06-2025', [
      victor,
      lotte,
    ]);
    expect(textOf((await world.nominationCard(lotte, FAMILY, 'Ontvangst bevestigd')).card)).toContain(
      'Noodwoning, aangemeld bij Stichting Vidomes',
    );
  });

  it('the landlord takes the convenantwoning to the signed lease, the counsellor confirming home and answer', async () => {
    const both = [bea, victor];
    const acknowledged = await pressOn(victor, ANNA, 'nomination.acknowledge');
    // Now the counsellor gets the nomination's card too (posted once, then updated in place).
    await expectEverywhere(acknowledged, ANNA, 'Ontvangst bevestigd door Victor Verhuur op 16-06-2025', both);

    const proposed = await pressOn(victor, ANNA, 'nomination.propose-home', { homeDescription: HOME });
    expect(verbsOn(proposed)).toEqual(['nomination.refuse']);
    await expectEverywhere(proposed, ANNA, HOME, both);
    expect(verbsOn((await world.nominationCard(bea, ANNA, 'woning voorgesteld')).card)).toEqual([
      'nomination.confirm-suitable',
      'nomination.reject-suitable',
      'nomination.withdraw',
    ]);

    // 4.5: the counsellor finds the home suitable; only then can Vidomes make its one offer.
    await expectEverywhere(
      await pressOn(bea, ANNA, 'nomination.confirm-suitable'),
      ANNA,
      'woning geschikt bevonden',
      both,
    );
    expect(verbsOn((await world.nominationCard(victor, ANNA, 'woning geschikt bevonden')).card)).toEqual([
      'nomination.make-offer',
      'nomination.refuse',
    ]);
    const offer = await pressOn(victor, ANNA, 'nomination.make-offer', { offerMadeOn: LEASE.offerMadeOn });
    await expectEverywhere(offer, ANNA, 'woningaanbod gedaan', both);
    // The candidate accepts; the counsellor records it on her card.
    const answer = await pressOn(bea, ANNA, 'nomination.record-offer-answer', {
      offerAnswer: 'accepted',
      offerAnsweredOn: LEASE.offerAnsweredOn,
    });
    await expectEverywhere(answer, ANNA, 'aanbod aangenomen', both);
    await expectEverywhere(
      await pressOn(victor, ANNA, 'nomination.plan-intake', { intakeOn: LEASE.intakeOn }),
      ANNA,
      'intake gepland',
      both,
    );
    const checked = await pressOn(victor, ANNA, 'nomination.record-credit-check', {
      creditCheckOn: LEASE.creditCheckOn,
      creditOutcome: 'ok',
      creditExtraConditions: '',
      creditAgreedWithCareProvider: 'true',
    });
    await expectEverywhere(checked, ANNA, 'kredietwaardigheid getoetst', both);
    const signed = await pressOn(victor, ANNA, 'nomination.sign-lease', {
      leaseSignedOn: LEASE.leaseSignedOn,
      leaseTemporaryUntil: LEASE.leaseTemporaryUntil,
      leaseGuidanceUntil: LEASE.leaseGuidanceUntil,
      leaseCounsellorPresent: 'true',
      leaseGuidanceEndMayBeShared: 'false',
    });
    expect(textOf(signed)).toContain('getekend op 16-06-2025, loopt tot 16-06-2027');
    // 5.11: from now on either side records the yearly evaluation.
    expect(verbsOn(signed)).toEqual(['nomination.record-evaluation']);
    await expectEverywhere(signed, ANNA, 'tijdelijk huurcontract getekend', both);
    expect(textOf((await world.nominationCard(bea, ANNA, 'tijdelijk huurcontract getekend')).card)).toContain(
      'loopt tot 16-06-2026',
    );
    const [stored] = await world.bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID });
    expect(stored?.state).toBe('lease-signed');
    // The secrets are there to leak: the store holds them, for the nominating organisation.
    expect(JSON.stringify(stored)).toContain(MOTIVATION);
    expect(JSON.stringify(stored)).toContain(RESIDENCY_FROM);
    expect(stored?.viaMayor).toBe(true);
  });

  /**
   * One signal from the sender's status card of Anna's tenancy: the answer is the status card
   * saying it went; the receiver gets the signal card at once and acknowledges it; the sender's own
   * copy is then updated in place to show who confirmed. Returns the receiver's signal card.
   */
  async function signal(from: PlaygroundPerson, to: PlaygroundPerson, inputs: Record<string, unknown>, title: string) {
    time.advance(60_000); // a minute between signals
    const status = await world.nominationCard(from, ANNA, 'tijdelijk huurcontract getekend');
    expect(allVerbsOn(status.card)).toContain('signal.send');
    const sent = await world.press(from, status.messageId, actionOn(status.card, 'signal.send'), inputs);
    expect(textOf(sent)).toContain(`Signaal verstuurd aan`);
    expect(titleOf(sent)).toBe(`Aanmelding ${ANNA}`); // the status card stays the status card

    const [toMark, fromMark] = [to.pg.stream.cursor(), from.pg.stream.cursor()];
    await world.drain();
    const isSignal = (who: PlaygroundPerson) => (e: StreamEvent) =>
      e.action === 'createMessage' &&
      e.actionConversationId === who.chat &&
      cardsOf(e).some((c) => titleOf(c) === title);
    const received = await to.pg.stream.waitFor(isSignal(to), { after: toMark, what: `${title} for ${to.name}` });
    const own = await from.pg.stream.waitFor(isSignal(from), {
      after: fromMark,
      what: `${title}, ${from.name}'s copy`,
    });
    const receivedCard = cardsOf(received)[0]!;
    expect(allVerbsOn(receivedCard)).toEqual(['signal.acknowledge']);
    expect(textOf(receivedCard)).toContain(`Van ${from.name}`);
    expect(textOf(cardsOf(own)[0])).toContain('Ontvangst nog niet bevestigd');
    expect(allVerbsOn(cardsOf(own)[0])).toEqual([]);

    const acknowledged = await world.press(
      to,
      received.message!.messageId,
      actionOn(receivedCard, 'signal.acknowledge'),
    );
    const confirmation = `Ontvangst bevestigd door ${to.name}, 16-06-2025 om `;
    expect(textOf(acknowledged)).toContain(confirmation);
    expect(allVerbsOn(acknowledged)).toEqual([]);
    await world.drain();
    // The sender's copy, updated in place: the same message, now showing who confirmed and when.
    expect(textOf(world.messagesIn(from, from.chat).get(own.message!.messageId))).toContain(confirmation);
    return receivedCard;
  }

  it('nuisance and arrears signals go both ways on the tenancy, each acknowledged (8.2)', async () => {
    // Landlord → care organisation.
    const nuisance = await signal(
      victor,
      bea,
      { signalKind: 'overlast', signalNote: NUISANCE_NOTE },
      'Signaal: overlast',
    );
    expect(textOf(nuisance)).toContain(NUISANCE_NOTE);
    const arrears = await signal(
      victor,
      bea,
      { signalKind: 'huurachterstand', ...ARREARS },
      'Signaal: huurachterstand',
    );
    expect(textOf(arrears)).toContain('€ 812,50');
    expect(textOf(arrears)).toContain('16-06-2025');
    // Care organisation → landlord.
    await signal(
      bea,
      victor,
      { signalKind: 'overlast', signalNote: 'Bewoner heeft zelf ook last van de buren' },
      'Signaal: overlast',
    );
    await signal(
      bea,
      victor,
      { signalKind: 'huurachterstand', signalAchterstandBedrag: '150', signalAchterstandSinds: '2025-06-16' },
      'Signaal: huurachterstand',
    );

    const [anna] = await world.bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID });
    const stored = await world.bot.store.signals.listForNomination(anna!.id);
    expect(stored.map((s) => `${s.from.side}:${s.kind}:${s.acknowledgement ? 'acknowledged' : 'open'}`)).toEqual([
      'landlord:overlast:acknowledged',
      'landlord:huurachterstand:acknowledged',
      'care:overlast:acknowledged',
      'care:huurachterstand:acknowledged',
    ]);
    // Lotte (another organisation) saw none of it.
    expect(lotte.pg.stream.events.some((e) => cardsOf(e).some((c) => titleOf(c)?.startsWith('Signaal')))).toBe(false);
  });

  it('the platform channel gets `status` and the weekly digest: counts only (10.2)', async () => {
    time.advance(60_000); // a week's figures run up to the moment asked, not including it
    const status = await world.say(gemma, 'status', world.platformChannel);
    const now = textOf(status.card);
    expect(now).toContain('Stand van het convenant');
    expect(now).toContain('Stand per 16 juni 2025. Alleen aantallen, geen persoonsgegevens (10.2).');

    // Monday 16 June 2025 after 09:00: the week-25 digest is due; one tick at the test's clock posts it.
    expect(await world.forceWeeklyDigest()).toMatchObject({ kind: 'posted', slot: { isoWeek: '2025-W25' } });
    expect(await world.forceWeeklyDigest()).toMatchObject({ kind: 'already-posted' });
    const mark = gemma.pg.stream.cursor();
    expect(await world.drain()).toMatchObject({ sent: 1 });
    const posted = await gemma.pg.stream.waitFor(
      (e) => e.actionConversationId.startsWith(world.platformChannel) && cardsOf(e).length > 0,
      { after: mark, what: 'the weekly digest in the platform channel' },
    );
    const weekly = textOf(cardsOf(posted)[0]);
    expect(weekly).toContain('Weekoverzicht convenant — week 25, 2025');

    for (const digest of [now, weekly]) {
      // The counts of this journey: two nominations this week, one of them the family waiting for a noodwoning.
      expect(digest).toContain('Nieuw deze week (week 25)\n2 (1 convenantwoning, 1 noodwoning)');
      // Anna has her home; the family waits, at Vidomes.
      expect(digest).toContain('Wachten op een aanbod (5.4)\n1 (0 convenantwoning, 1 noodwoning)');
      // The platform set no homes for 2025 in this story: the row says so instead of "1 above".
      expect(digest).toContain(
        'Stichting Vidomes\n■ 1/0\nnog geen woningen vastgesteld voor dit jaar (9) · 1 aanbod · wachtrij 1',
      );
      expect(digest).toContain('Gezinnen die wachten op een noodwoning\n1');
      expect(digest).toContain(
        'Deze week\noverlast 2 · huurachterstand 2 · einde begeleiding 0 · begeleiding geweigerd 0',
      );
    }
  });

  it('nothing the covenant keeps from landlords reached the landlord; nothing personal reached the channel', async () => {
    // The markers are there to leak: the nominating organisations saw them.
    expect(stringsAtAnyDepth(world.everythingSeenBy(bea)).join('\n')).toContain('TBS-maatregel');
    expect(stringsAtAnyDepth(world.everythingSeenBy(lotte)).join('\n')).toContain('5.6k');

    const victorSaw = world.everythingSeenBy(victor);
    expect(victorSaw.length).toBeGreaterThan(25);
    const landlordStrings = stringsAtAnyDepth(victorSaw).join('\n');
    for (const marker of FORBIDDEN_FOR_LANDLORDS) expect(landlordStrings, marker).not.toContain(marker);

    const channel = world.messagesIn(gemma, world.platformChannel);
    expect(channel.size).toBe(3); // the welcome, `status`, the weekly digest
    const channelStrings = stringsAtAnyDepth([...channel.values(), ...world.everythingSeenBy(gemma)]).join('\n');
    for (const secret of FORBIDDEN_FOR_PLATFORM) expect(channelStrings, secret).not.toContain(secret);
    // The channel is where Gemma's playground got everything: nothing went to her 1:1 chat.
    expect(gemma.pg.stream.events.every((e) => e.actionConversationId.startsWith(world.platformChannel))).toBe(true);
  });
});

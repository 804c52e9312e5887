/**
 * Indienen through the real teams-ai Application: the verdict card at once, with every reason and
 * its article, the queue place per landlord and the three-month target date (5.4); the noodwoning
 * quota (6.4); the landlord notifications and the contacts who do not have the app yet.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import { notifyNominationChange } from '../../bot/outbox/notify-nomination';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { aNomination } from '../support/nomination-fixture';
import {
  button,
  buttonFor,
  cardOf,
  elements,
  stepOf,
  TeamsUser,
  texts,
  type Card,
} from '../support/nomination-card-driver';
import { NOW, STEP1, STEP2, STEP3 } from '../support/nomination-form-values';
import { DEMO, startTestBot } from '../support/teams-bot';

// The landlord notifications are another module's work; here only what the card does with its answer.
vi.mock('../../bot/outbox/notify-nomination', () => ({
  notifyNominationChange: vi.fn(async () => ({ unreachableContacts: [] })),
}));
const notify = vi.mocked(notifyNominationChange);

const t = nl.nomination;
let bot: RunningBot;

beforeAll(async () => {
  bot = await startTestBot({}, { clock: () => NOW });
});
afterAll(async () => {
  await bot.stop();
});
beforeEach(() => {
  notify.mockClear();
});

type Inputs = Record<string, string>;

/** Fills in the three steps and presses Indienen; returns the answer to Indienen. */
async function nominate(user: TeamsUser, step1: Inputs, step2: Inputs = STEP2, step3: Inputs = STEP3) {
  let card = cardOf(await user.type('aanmelden'));
  if (stepOf(card) === undefined) card = cardOf(await user.press(button(card, t.drafts.startNew)));
  card = cardOf(await user.press(buttonFor(card, 'next'), step1));
  card = cardOf(await user.press(buttonFor(card, 'next'), step2));
  return { answer: cardOf(await user.press(buttonFor(card, 'submit'), step3)), step3Card: card };
}

function facts(card: Card): Record<string, string> {
  const all = elements(card)
    .filter((e) => e.type === 'FactSet')
    .flatMap((e) => e.facts as { title: string; value: string }[]);
  return Object.fromEntries(all.map((f) => [f.title, f.value]));
}

describe('Indienen', () => {
  it('registers an eligible candidate and shows the verdict, queue places and target date at once', async () => {
    notify.mockResolvedValueOnce({ unreachableContacts: [{ name: 'Wim Woning', landlordId: 'wooninvest' }] });
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const { answer } = await nominate(user, { ...STEP1, candidateName: 'Eerste Kandidaat' });

    expect(texts(answer)).toEqual(
      expect.arrayContaining([
        'Aanmelding Eerste Kandidaat',
        'Voldoet aan de criteria',
        t.verdict.queueHeading,
        'Aan alle criteria is voldaan.',
        'Deze contactpersonen hebben de app nog niet: Wim Woning (Stichting WoonInvest). Bel of mail ze.',
      ]),
    );
    expect(facts(answer)).toMatchObject({
      Soort: 'convenantwoning',
      Stand: 'aangemeld',
      'Aangemeld bij': 'Stichting Vidomes, Stichting WoonInvest',
      'Aangemeld op': '16-06-2025',
      'Streefdatum woningaanbod (5.4)': '16-09-2025',
      'Stichting Vidomes': 'plaats 1',
      'Stichting WoonInvest': 'plaats 1',
    });

    const [stored] = await bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID, states: ['registered'] });
    expect(stored).toMatchObject({
      state: 'registered',
      verdict: { kind: 'eligible' },
      candidate: { name: 'Eerste Kandidaat' },
    });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]?.[1]).toMatchObject({
      ok: true,
      nomination: { id: stored?.id, state: 'registered' },
      notifications: [{ audience: 'landlords', landlordIds: ['vidomes', 'wooninvest'], event: 'submit' }],
    });
  });

  it('puts a later nomination behind the earlier one in the landlord’s queue', async () => {
    const user = new TeamsUser(bot, DEMO['casemanager-lokale-kamer']);
    const { answer } = await nominate(
      user,
      { ...STEP1, candidateName: 'Tweede Kandidaat' },
      { ...STEP2, targetLandlordIds: 'vidomes' },
    );
    expect(facts(answer)['Stichting Vidomes']).toMatch(/^plaats [2-9]$/);
  });

  it('shows a not-eligible verdict with every article-numbered reason, and sends it to no landlord', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const { answer } = await nominate(
      user,
      { ...STEP1, candidateName: 'Niet Kandidaat', expectedToLiveIndependently: 'false' },
      STEP2,
      { ...STEP3, checklistA: 'not-met', evicted: 'yes', lastEvictionOn: '2024-01-10' },
    );
    expect(texts(answer)).toEqual(
      expect.arrayContaining([
        'Voldoet niet aan de criteria',
        '4.1: De kandidaat is naar verwachting niet in staat om zelfstandig te wonen.',
        '5.6a: De kandidaat beschikt niet over een geldig legitimatiebewijs.',
        '5.6k: De kandidaat is in de afgelopen drie jaar uit een woning gezet en komt niet uit een noodwoning.',
        t.verdict.notSent,
      ]),
    );
    expect(texts(answer)).not.toContain(t.verdict.queueHeading);
    expect(facts(answer).Stand).toBe('voldoet niet aan de criteria');
    const reasons = elements(answer).filter((e) => String(e.text).startsWith('5.6a'));
    expect(reasons[0]?.color).toBe('Attention');
  });

  it('says a Wlz-funded candidate is outside the covenant', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const { answer } = await nominate(user, { ...STEP1, candidateName: 'Wlz Kandidaat', wlzFunded: 'true' });
    expect(texts(answer)).toEqual(
      expect.arrayContaining([
        'Valt buiten het convenant',
        'preambule: Woonvoorzieningen die worden gefinancierd op grond van de Wet langdurige zorg (Wlz) vallen buiten dit convenant.',
      ]),
    );
  });

  it('registers a shorter residency with a motivation as maatwerk, for a reviewer to look at', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const { answer } = await nominate(
      user,
      { ...STEP1, candidateName: 'Maatwerk Kandidaat' },
      {
        ...STEP2,
        residency1From: '2022-01-01',
        checklistC: 'exception',
        residencyMaatwerkMotivation: 'Woont sinds 2022 hier en heeft hier al haar netwerk.',
      },
    );
    expect(texts(answer)).toEqual(expect.arrayContaining([t.verdict.kinds['eligible-with-maatwerk']]));
    expect(texts(answer).some((text) => text.startsWith('1c: '))).toBe(true);
    expect(facts(answer).Stand).toBe('aangemeld');
  });

  it('shows the verdict again, without a second registration, when Indienen is pressed twice', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const { step3Card } = await nominate(user, { ...STEP1, candidateName: 'Dubbel Kandidaat' });
    const again = cardOf(await user.pressFallback(button(step3Card, 'Indienen'), STEP3));
    expect(texts(again)).toContain('Voldoet aan de criteria');
    const found = await bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID });
    expect(found.filter((n) => n.candidate.name === 'Dubbel Kandidaat')).toHaveLength(1);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('is in English when Teams is, reasons included', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia'], 'en-US');
    const { answer } = await nominate(user, { ...STEP1, candidateName: 'English Candidate' }, STEP2, {
      ...STEP3,
      checklistG: 'not-met',
    });
    expect(texts(answer)).toEqual(
      expect.arrayContaining([
        en.nomination.verdict.kinds['not-eligible'],
        '5.6g: Not met: the candidate has an income to pay the rent.',
      ]),
    );
  });
});

describe('a noodwoning (art. 6)', () => {
  it('is flagged for consultation once the year’s two noodwoningen were made available (6.4)', async () => {
    for (const madeOn of ['2025-02-01', '2025-04-01']) {
      await bot.store.nominations.insert(
        aNomination({
          type: 'noodwoning',
          nominatingPartyId: 'limor',
          state: 'offer-made',
          offer: { landlordId: 'vidomes', madeOn },
        }),
      );
    }
    const user = new TeamsUser(bot, DEMO['counsellor-limor']);
    const { answer } = await nominate(
      user,
      { ...STEP1, type: 'noodwoning', candidateName: 'Gezin Nood', adults: '2', minorChildren: '2' },
      { ...STEP2, targetLandlordIds: '', referredByGgd: 'true', evictingLandlordId: 'vidomes' },
    );
    expect(texts(answer)).toEqual(
      expect.arrayContaining([
        t.verdict.kinds['eligible-with-maatwerk'],
        '6.4: De twee noodwoningen van dit jaar zijn al beschikbaar gesteld; voor een extra woning is overleg tussen partijen nodig.',
      ]),
    );
    // 6.3, 6.4: neither the evicting landlord nor Duivenvoorde.
    expect(facts(answer)['Aangemeld bij']).toBe('Stichting WoonInvest');
    const [stored] = await bot.store.nominations.find({ nominatingPartyId: 'limor', states: ['registered'] });
    expect(stored?.noodwoning).toEqual({
      referredByGgdMeldpunt: true,
      evictingLandlordId: 'vidomes',
      consultationFlagged: true,
    });
  });
});

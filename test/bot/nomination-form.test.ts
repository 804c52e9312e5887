/**
 * The nomination card through the real teams-ai Application, as a demo counsellor: opening it,
 * validation (same card, values kept, Dutch messages under the fields, nothing written), drafts
 * that survive and are continued, and who may not use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { nl } from '../../bot/i18n/nl';
import { en } from '../../bot/i18n/en';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import {
  button,
  cardOf,
  errorUnder,
  inputValue,
  stepOf,
  TeamsUser,
  texts,
  type Card,
} from '../support/nomination-card-driver';
import { NOW, STEP1, STEP2, STEP3 } from '../support/nomination-form-values';
import { DEMO, postActivity, startTestBot, teamsActivity } from '../support/teams-bot';

const t = nl.nomination;
let bot: RunningBot;

beforeAll(async () => {
  bot = await startTestBot({}, { clock: () => NOW });
});
afterAll(async () => {
  await bot.stop();
});

async function drafts(contactName?: string) {
  const found = await bot.store.nominations.find({ nominatingPartyId: PARNASSIA_ID, states: ['draft'] });
  return contactName ? found.filter((n) => n.candidate.name === contactName) : found;
}

/** A new card for this user: when a draft is open, past the offer to continue it. */
async function openNewCard(user: TeamsUser): Promise<Card> {
  const reply = cardOf(await user.type('aanmelden'));
  if (stepOf(reply) === 1) return reply;
  return cardOf(await user.press(button(reply, t.drafts.startNew)));
}

describe('opening the nomination card', () => {
  it('"aanmelden" opens step 1 in the 1:1 chat, with the usual household filled in', async () => {
    const user = new TeamsUser(bot, DEMO['casemanager-lokale-kamer']);
    const card = cardOf(await user.type('aanmelden'));
    expect(texts(card)).toContain(t.form.step(1, 3, t.form.stepTitles[0]!));
    expect(inputValue(card, 'type')).toBe('convenantwoning');
    expect(inputValue(card, 'adults')).toBe(1);
    expect(inputValue(card, 'minorChildren')).toBe(0);
    expect(inputValue(card, 'candidateName')).toBeUndefined();
    expect((card.actions as { title: string }[]).map((a) => a.title)).toEqual(['Opslaan', 'Volgende']);
  });

  it('opens from the help card\'s "Nieuwe aanmelding", as Action.Execute and as its Action.Submit fallback', async () => {
    const user = new TeamsUser(bot, DEMO['casemanager-lokale-kamer']);
    const help = cardOf(await user.type('help'));
    const execute = cardOf(await user.press(button(help, 'Nieuwe aanmelding')));
    const fallback = cardOf(await user.pressFallback(button(help, 'Nieuwe aanmelding')));
    expect([stepOf(execute), stepOf(fallback)]).toEqual([1, 1]);
  });

  it('is in English when Teams is', async () => {
    const user = new TeamsUser(bot, DEMO['casemanager-lokale-kamer'], 'en-GB');
    const card = await openNewCard(user);
    expect(texts(card)).toContain(en.nomination.form.step(1, 3, en.nomination.form.stepTitles[0]!));
  });

  it('tells a landlord contact that "aanmelden" cannot be used here, and never shows them the card', async () => {
    const typed = await postActivity(bot, teamsActivity(DEMO['landlord-vidomes'], { text: 'aanmelden' }));
    expect(typed.messages[0]?.text).toBe(nl.commandNotAvailable('aanmelden'));
    expect(typed.messages[0]?.text).toContain('kun je hier niet gebruiken');
    const landlord = new TeamsUser(bot, DEMO['landlord-vidomes']);
    const answer = await landlord.invokeRaw({ move: 'save', step: 1, formId: 'a'.repeat(24), ...STEP1 });
    const body = answer.activities.find((a) => a.type === 'invokeResponse')?.value as { body: { value: string } };
    expect(body.body.value).toBe(nl.commandNotAvailable('aanmelden'));
  });
});

describe('a submission with problems', () => {
  it('comes back as the same card, values kept, each problem in Dutch under its field, and nothing is written', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const card = await openNewCard(user);
    const before = (await drafts()).length;
    const reply = cardOf(
      await user.press(button(card, 'Volgende'), {
        ...STEP1,
        candidateName: '   ',
        dateOfBirth: '2999-01-01',
        adults: 'twee',
        minorChildren: '25',
        wlzFunded: 'misschien',
        expectedEndOfIntramuralCare: '31-12-2025',
      }),
    );
    expect(stepOf(reply)).toBe(1);
    expect(texts(reply)).toContain(t.form.notSaved);
    expect(errorUnder(reply, 'candidateName')).toBe('Vul dit in.');
    expect(errorUnder(reply, 'dateOfBirth')).toBe('Deze datum kan niet in de toekomst liggen.');
    expect(errorUnder(reply, 'adults')).toBe('Vul een heel getal in.');
    expect(errorUnder(reply, 'minorChildren')).toBe('Dat zijn er te veel (maximaal 20).');
    expect(errorUnder(reply, 'wlzFunded')).toBe('Kies een van de mogelijkheden.');
    expect(errorUnder(reply, 'expectedEndOfIntramuralCare')).toBe('Dit is geen geldige datum (JJJJ-MM-DD).');
    expect(errorUnder(reply, 'type')).toBeUndefined();
    // Kept as entered.
    expect(inputValue(reply, 'dateOfBirth')).toBe('2999-01-01');
    expect(inputValue(reply, 'minorChildren')).toBe(25);
    expect(inputValue(reply, 'expectedEndOfIntramuralCare')).toBe('31-12-2025');
    expect(inputValue(reply, 'type')).toBe('convenantwoning');
    expect((await drafts()).length).toBe(before);
  });

  it('caps what it echoes back: a text far too long is cut, and named too long', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const card = await openNewCard(user);
    const reply = cardOf(await user.press(button(card, 'Opslaan'), { ...STEP1, candidateName: 'x'.repeat(50_000) }));
    expect(errorUnder(reply, 'candidateName')).toBe('Deze tekst is te lang.');
    expect(String(inputValue(reply, 'candidateName')).length).toBeLessThanOrEqual(1001);
    expect(JSON.stringify(reply).length).toBeLessThan(28_000);
  });

  it('names a missing answer on the checklist and a too-short 5.6j motivation on Indienen', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    let card = await openNewCard(user);
    card = cardOf(await user.press(button(card, 'Volgende'), { ...STEP1, candidateName: 'Checklist Kandidaat' }));
    card = cardOf(await user.press(button(card, 'Volgende'), STEP2));
    const reply = cardOf(
      await user.press(button(card, 'Indienen'), {
        ...STEP3,
        checklistA: '',
        checklistJ: 'exception',
        budgetMotivation: 'kort',
        evicted: 'yes',
      }),
    );
    expect(stepOf(reply)).toBe(3);
    expect(errorUnder(reply, 'checklistA')).toBe('Kies een antwoord.');
    expect(errorUnder(reply, 'budgetMotivation')).toBe('Geef een motivering van ten minste tien tekens.');
    expect(errorUnder(reply, 'lastEvictionOn')).toBe('Vul dit in.');
    expect(inputValue(reply, 'checklistJ')).toBe('exception');
    expect((await drafts('Checklist Kandidaat'))[0]?.state).toBe('draft');
  });

  it('keeps the order of residency dates in check and asks for a landlord on Volgende', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    let card = await openNewCard(user);
    card = cardOf(await user.press(button(card, 'Volgende'), { ...STEP1, candidateName: 'Periode Kandidaat' }));
    const reply = cardOf(
      await user.press(button(card, 'Volgende'), {
        ...STEP2,
        residency1From: '2020-01-01',
        residency1To: '2019-01-01',
        residency2To: '2021-01-01',
        targetLandlordIds: '',
      }),
    );
    expect(stepOf(reply)).toBe(2);
    expect(errorUnder(reply, 'residency1To')).toBe('De einddatum ligt vóór de begindatum.');
    expect(errorUnder(reply, 'residency2From')).toBe('Vul ook de begindatum in.');
    expect(errorUnder(reply, 'targetLandlordIds')).toBe('Kies ten minste één verhuurder.');
  });

  it('drops unknown keys and prototype-pollution keys, and never answers with a 500', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const card = await openNewCard(user);
    const data = JSON.parse(
      JSON.stringify({ ...button(card, 'Opslaan'), ...STEP1, candidateName: 'Proto Kandidaat' }).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"state":"registered","verdict":{"kind":"eligible"},',
      ),
    ) as Record<string, unknown>;
    const answer = await user.invokeRaw(data);
    expect(answer.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const [saved] = await drafts('Proto Kandidaat');
    expect(saved).toMatchObject({ state: 'draft', candidate: { name: 'Proto Kandidaat' } });
    expect(saved?.verdict).toBeUndefined();
    expect(Object.keys(saved ?? {})).not.toContain('polluted');

    for (const junk of [null, 'x', [], { move: 'explode' }, { move: 'save', step: 9, formId: 'x' }]) {
      const reply = await user.invokeRaw(junk);
      expect(reply.status).toBe(200);
      const body = reply.activities.find((a) => a.type === 'invokeResponse')?.value as { body: { value: string } };
      expect(body.body.value).toBe(t.form.expired);
    }
  });
});

describe('drafts', () => {
  it('are saved by Opslaan, survive, and are offered to continue on "aanmelden"', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-limor']);
    const card = cardOf(await user.type('aanmelden'));
    const saved = cardOf(await user.press(button(card, 'Opslaan'), { ...STEP1, candidateName: 'Draft Kandidaat' }));
    expect(stepOf(saved)).toBe(1);
    expect(texts(saved)).toContain(t.form.saved);
    expect(inputValue(saved, 'candidateName')).toBe('Draft Kandidaat');

    const stored = (await bot.store.nominations.find({ nominatingPartyId: 'limor', states: ['draft'] }))[0];
    expect(stored).toMatchObject({ state: 'draft', candidate: { name: 'Draft Kandidaat' }, version: 1 });

    // Step 2 half-filled, then Opslaan: kept without the required fields.
    const step2 = cardOf(await user.press(button(saved, 'Volgende'), { ...STEP1, candidateName: 'Draft Kandidaat' }));
    const half = cardOf(await user.press(button(step2, 'Opslaan'), { housing: 'Begane grond', checklistC: '' }));
    expect(texts(half)).toContain(t.form.saved);
    expect((await bot.store.nominations.get(stored!.id))?.requirements).toEqual({ housing: 'Begane grond' });

    const offer = cardOf(await user.type('aanmelden'));
    expect(texts(offer)).toContain(t.drafts.intro);
    const continued = cardOf(await user.press(button(offer, t.drafts.continue)));
    // At the first step still to complete, with what was stored.
    expect(stepOf(continued)).toBe(2);
    expect(inputValue(continued, 'housing')).toBe('Begane grond');

    const fresh = cardOf(await user.press(button(offer, t.drafts.startNew)));
    expect(stepOf(fresh)).toBe(1);
    expect(inputValue(fresh, 'candidateName')).toBeUndefined();
  });

  it('are made once, however often the first save is retried (same card, Teams resending, the fallback)', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const card = await openNewCard(user);
    const save = button(card, 'Opslaan');
    const inputs = { ...STEP1, candidateName: 'Retry Kandidaat' };
    await user.press(save, inputs);
    await user.press(save, inputs);
    await user.pressFallback(save, inputs);
    const found = await drafts('Retry Kandidaat');
    expect(found).toHaveLength(1);
    expect(found[0]?.version).toBe(1);
  });

  it('keep the 5.6k answer derived from a date, never the date', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    let card = await openNewCard(user);
    card = cardOf(await user.press(button(card, 'Volgende'), { ...STEP1, candidateName: 'Eviction Kandidaat' }));
    card = cardOf(await user.press(button(card, 'Volgende'), STEP2));
    const saved = cardOf(
      await user.press(button(card, 'Opslaan'), { ...STEP3, evicted: 'yes', lastEvictionOn: '2024-02-01' }),
    );
    const [stored] = await drafts('Eviction Kandidaat');
    expect(stored?.checklist.k).toEqual({ status: 'not-met' });
    expect(JSON.stringify(stored)).not.toContain('2024-02-01');
    // The card offers to keep it, and the date is gone.
    expect(inputValue(saved, 'evicted')).toBe('keep');
    expect(inputValue(saved, 'lastEvictionOn')).toBeUndefined();
    expect(texts(saved)).toContain(t.form.lastEvictionNote);
  });

  it('cannot be changed by another organisation, whose card then hears the draft does not exist', async () => {
    const owner = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const card = await openNewCard(owner);
    const saved = cardOf(await owner.press(button(card, 'Opslaan'), { ...STEP1, candidateName: 'Eigen Kandidaat' }));
    const other = new TeamsUser(bot, DEMO['casemanager-lokale-kamer']);
    const reply = await other.press(button(saved, 'Volgende'), { ...STEP1, candidateName: 'Overgenomen' });
    expect(reply.text).toBe(t.form.expired);
    expect((await drafts('Eigen Kandidaat'))[0]?.candidate.name).toBe('Eigen Kandidaat');
  });
});

/**
 * The counsellor's whole round on each store the project has (memory, and MongoDB — FerretDB in
 * CI): a draft saved and continued, submitted, the verdict with queue place and target date, and
 * the nomination in "mijn aanmeldingen".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { nl } from '../../bot/i18n/nl';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { button, buttonFor, cardOf, elements, stepOf, TeamsUser, texts } from '../support/nomination-card-driver';
import { NOW, STEP1, STEP2, STEP3 } from '../support/nomination-form-values';
import { storeFactories, type TestStore } from '../support/stores';
import { DEMO, startTestBot } from '../support/teams-bot';

const t = nl.nomination;

describe.each(storeFactories)('the nomination card on the $name store', ({ create }) => {
  let store: TestStore;
  let bot: RunningBot;
  beforeEach(async () => {
    store = await create();
    bot = await startTestBot({}, { store, clock: () => NOW });
  });
  afterEach(async () => {
    await bot.stop();
    await store.close();
  });

  it('saves a draft, continues it, submits it and lists it', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia']);
    const first = cardOf(await user.type('aanmelden'));
    await user.press(buttonFor(first, 'save'), STEP1);
    await user.press(buttonFor(first, 'save'), STEP1); // a retry: still one draft
    const [draft] = await store.nominations.find({ nominatingPartyId: PARNASSIA_ID, states: ['draft'] });
    expect(draft).toMatchObject({ version: 1, candidate: { name: STEP1.candidateName } });

    const offer = cardOf(await user.type('aanmelden'));
    let card = cardOf(await user.press(button(offer, t.drafts.continue)));
    expect(stepOf(card)).toBe(2);
    card = cardOf(await user.press(buttonFor(card, 'next'), STEP2));
    const verdict = cardOf(await user.press(buttonFor(card, 'submit'), STEP3));

    expect(texts(verdict)).toEqual(expect.arrayContaining(['Voldoet aan de criteria', t.verdict.queueHeading]));
    const facts = elements(verdict)
      .filter((e) => e.type === 'FactSet')
      .flatMap((e) => e.facts as { title: string; value: string }[]);
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: 'Stichting Vidomes', value: 'plaats 1' },
        { title: 'Streefdatum woningaanbod (5.4)', value: '16-09-2025' },
      ]),
    );
    expect(await store.nominations.get(draft!.id)).toMatchObject({
      state: 'registered',
      verdict: { kind: 'eligible' },
    });

    const list = cardOf(await user.type('mijn aanmeldingen'));
    expect(texts(list)).toContain(STEP1.candidateName);
  });
});

/**
 * "mijn aanmeldingen" through the real teams-ai Application: only the counsellor's own
 * organisation's nominations, newest first, each with its state, type, landlords, registration
 * and target date; "Open" shows the verdict and status card, "Verder invullen" the draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../bot/main';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import { PARNASSIA_ID } from '../../src/parties/covenant-parties';
import { aNomination } from '../support/nomination-fixture';
import { button, cardOf, elements, stepOf, TeamsUser, texts, type Card } from '../support/nomination-card-driver';
import { NOW } from '../support/nomination-form-values';
import { DEMO, startTestBot } from '../support/teams-bot';

const t = nl.nomination;
let bot: RunningBot;
const counsellor = () => new TeamsUser(bot, DEMO['counsellor-parnassia']);

beforeAll(async () => {
  bot = await startTestBot({}, { clock: () => NOW });
  const registered = {
    verdict: {
      kind: 'eligible' as const,
      reasons: [],
      allowedLandlordIds: ['vidomes', 'wooninvest'],
      decidedAt: '2025-05-02',
    },
  };
  await bot.store.nominations.insert(
    aNomination({
      id: 'own-older',
      nominatingPartyId: PARNASSIA_ID,
      candidate: { name: 'Oudere Kandidaat', household: { adults: 1, minorChildren: 0 } },
      createdAt: '2025-05-01T08:00:00.000Z',
      registeredAt: '2025-05-02T08:00:00.000Z',
      ...registered,
    }),
  );
  await bot.store.nominations.insert(
    aNomination({
      id: 'own-newer',
      nominatingPartyId: PARNASSIA_ID,
      nominatedByContactId: 'a-colleague',
      state: 'acknowledged',
      candidate: { name: 'Nieuwere Kandidaat', household: { adults: 1, minorChildren: 0 } },
      createdAt: '2025-06-01T08:00:00.000Z',
      registeredAt: '2025-06-01T09:00:00.000Z',
      targetLandlordIds: ['vidomes'],
      ...registered,
    }),
  );
  await bot.store.nominations.insert(
    aNomination({
      id: 'other-organisation',
      nominatingPartyId: 'brijder',
      candidate: { name: 'Andere Organisatie Kandidaat', household: { adults: 1, minorChildren: 0 } },
      createdAt: '2025-06-10T08:00:00.000Z',
      ...registered,
    }),
  );
});
afterAll(async () => {
  await bot.stop();
});

/** Each listed nomination: its name, facts and button. */
function listed(card: Card) {
  return elements(card)
    .filter((e) => e.type === 'Container')
    .map((container) => {
      const items = container.items as Record<string, unknown>[];
      const facts = (items.find((i) => i.type === 'FactSet')?.facts ?? []) as { title: string; value: string }[];
      const actions = items.find((i) => i.type === 'ActionSet')?.actions as { title: string }[];
      return {
        name: items[0]?.text,
        facts: Object.fromEntries(facts.map((f) => [f.title, f.value])),
        button: actions[0]?.title,
      };
    });
}

describe('mijn aanmeldingen', () => {
  it('lists only the own organisation’s nominations, newest first, drafts with "Verder invullen"', async () => {
    const user = counsellor();
    const start = cardOf(await user.type('aanmelden'));
    await user.press(button(start, 'Opslaan'), {
      type: 'convenantwoning',
      candidateName: 'Concept Kandidaat',
      adults: '1',
      minorChildren: '0',
      wlzFunded: 'false',
      expectedToLiveIndependently: 'true',
      boundaryCrossing: 'false',
    });

    const card = cardOf(await user.type('mijn aanmeldingen'));
    expect(texts(card)[0]).toBe('Aanmeldingen van Parnassia Haaglanden');
    const items = listed(card);
    expect(items.map((i) => i.name)).toEqual(['Concept Kandidaat', 'Nieuwere Kandidaat', 'Oudere Kandidaat']);
    expect(JSON.stringify(card)).not.toContain('Andere Organisatie');

    expect(items[0]).toMatchObject({ button: 'Verder invullen', facts: { Stand: 'concept', 'Aangemeld op': '—' } });
    expect(items[1]).toEqual({
      name: 'Nieuwere Kandidaat',
      button: 'Open',
      facts: {
        Stand: 'ontvangen door verhuurder',
        Soort: 'convenantwoning',
        'Aangemeld bij': 'Stichting Vidomes',
        'Aangemeld op': '01-06-2025',
        'Streefdatum woningaanbod (5.4)': '01-09-2025',
      },
    });
  });

  it('"Open" shows the nomination’s verdict and status card, and leads back to the list', async () => {
    const user = counsellor();
    const list = cardOf(await user.type('mijn aanmeldingen'));
    const open = (list.body as Card[])
      .flatMap((e) => ((e.items as Card[] | undefined) ?? []).filter((i) => i.type === 'ActionSet'))
      .map((set) => (set.actions as Card[])[0]!)
      .find((action) => (action.data as { nominationId: string }).nominationId === 'own-older');
    const status = cardOf(await user.press(open!.data as { verb: string }));
    expect(texts(status)).toEqual(
      expect.arrayContaining(['Aanmelding Oudere Kandidaat', 'Voldoet aan de criteria', t.verdict.queueHeading]),
    );
    const back = cardOf(await user.pressFallback(button(status, t.verdict.backToList)));
    expect(texts(back)[0]).toBe('Aanmeldingen van Parnassia Haaglanden');

    // Every read is audited, by ids only (BIO 8.15.01).
    const reads = (await bot.store.audit.listForObject('own-older')).map((r) => [r.action, r.result, r.actorId]);
    expect(reads).toContainEqual(['nomination.read:organisation-view', 'success', 'demo-counsellor-parnassia']);
    expect(reads).toContainEqual(['nomination.read:organisation-list', 'success', 'demo-counsellor-parnassia']);
  });

  it('"Verder invullen" opens the draft on the nomination card', async () => {
    const user = counsellor();
    const list = cardOf(await user.type('mijn aanmeldingen'));
    const draft = cardOf(await user.press(button(list, 'Verder invullen')));
    expect(stepOf(draft)).toBe(2);
  });

  it('does not open another organisation’s nomination, even with its id', async () => {
    const reply = await counsellor().press({ verb: 'nomination.show', nominationId: 'other-organisation' });
    expect(reply.text).toBe(t.verdict.notFound);
    const audit = await bot.store.audit.listForObject('other-organisation');
    expect(audit.map((r) => [r.action, r.result])).toContainEqual(['nomination.read:organisation-view', 'denied']);
  });

  it('is not for landlord contacts', async () => {
    const landlord = new TeamsUser(bot, DEMO['landlord-wooninvest']);
    const reply = await landlord.press({ verb: 'nomination.show', nominationId: 'own-older' });
    expect(reply.text).toBe(nl.commandNotAvailable('mijn aanmeldingen'));
  });

  it('is in English when Teams is', async () => {
    const user = new TeamsUser(bot, DEMO['counsellor-parnassia'], 'en-GB');
    const card = cardOf(await user.type('mijn aanmeldingen'));
    expect(texts(card)[0]).toBe(en.nomination.list.title('Parnassia Haaglanden'));
    expect(listed(card)[1]?.facts).toMatchObject({ Status: 'received by landlord', Kind: 'covenant home' });
  });

  it('says so when the organisation has none', async () => {
    const card = cardOf(await new TeamsUser(bot, DEMO['casemanager-lokale-kamer']).type('mijn aanmeldingen'));
    expect(texts(card)).toContain(t.list.empty);
  });
});

/**
 * The status card in every state, for each role and language: fully bound, valid Adaptive Card
 * 1.5, the buttons the lifecycle allows that viewer now (and no others), and nothing a landlord may
 * not see (10.6) — checked on the marker nomination whose every string carries a marker.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import { statusCardData, statusCardFor } from '../../bot/nomination-card/load-status-card';
import type { CardViewer } from '../../bot/nomination-card/viewer';
import {
  CARD_STEPS,
  INPUT_IDS,
  nominationBusyCard,
  nominationStatusCard,
  stepVerb,
  type CardStep,
} from '../../cards/nomination-status/status.model';
import { availableSteps } from '../../src/nomination/available-steps';
import { sendableKinds } from '../../src/signals/signal-rules';
import type { Nomination, NominationState } from '../../src/nomination/nomination';
import { NOMINATION_STATES } from '../../src/nomination/states';
import { seedCovenantParties } from '../../src/parties/registry';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import type { Store } from '../../src/storage/ports';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import {
  aNominationFullOfSecrets,
  COMMITTED_LANDLORD_MARKERS,
  LANDLORD_FORBIDDEN_MARKERS,
  LANDLORD_VISIBLE_MARKERS,
} from '../support/nomination-fixture';
import { ACTORS, clock, NOMINATOR, nominationIn } from '../src/nomination/fixtures';

const VIEWERS: Record<string, CardViewer> = {
  counsellor: { audience: 'organisation', partyId: NOMINATOR },
  vidomes: { audience: 'landlord', partyId: 'vidomes' }, // proposes the home in every fixture
  wooninvest: { audience: 'landlord', partyId: 'wooninvest' },
};

let store: Store;
beforeEach(async () => {
  store = createMemoryStore();
  await seedCovenantParties(store, { origin: 'test' });
});

const deps = () => ({ store, clock, config: { timeZone: 'Europe/Amsterdam' } });

async function stored(n: Nomination): Promise<Nomination> {
  await store.nominations.insert(n);
  return (await store.nominations.get(n.id))!;
}

/** The verbs of every Action.Execute on the card, ShowCard forms included. */
function verbsOf(content: unknown): string[] {
  const verbs: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const node = v as Record<string, unknown>;
      if (node.type === 'Action.Execute') verbs.push(node.verb as string);
      Object.entries(node).forEach(([key, child]) => key !== 'fallback' && walk(child));
    }
  };
  walk(content);
  return verbs;
}

describe.each(NOMINATION_STATES.filter((s) => s !== 'draft'))('the status card in state %s', (state) => {
  it.each(Object.keys(VIEWERS))(
    'is valid for the %s, in Dutch and English, with the buttons the lifecycle allows',
    async (who) => {
      const n = await stored(nominationIn(state as NominationState));
      const viewer = VIEWERS[who]!;
      for (const texts of [nl, en]) {
        const card = await statusCardFor(deps(), n, viewer, texts);
        if (!card) {
          // Not-eligible nominations never reach a landlord (no registeredAt).
          expect(viewer.audience).toBe('landlord');
          expect(n.registeredAt).toBeUndefined();
          continue;
        }
        const content = expectValidAdaptiveCard(card);
        const actor = viewer.audience === 'landlord' ? ACTORS[who as 'vidomes' | 'wooninvest'] : ACTORS.counsellor;
        const steps = CARD_STEPS.filter((step) => availableSteps(n, actor).includes(step)).map(stepVerb);
        // 8.1, 8.2, 10.5: a tenancy's card also carries the "Signaal" form for its two sides.
        const side = viewer.audience === 'landlord' ? 'landlord' : 'care';
        const signal = sendableKinds(n, { side, partyId: viewer.partyId }).length > 0 ? ['signal.send'] : [];
        const expected = [...steps, ...signal];
        expect(verbsOf(content).sort()).toEqual(expected.sort());
        expect(JSON.stringify(content)).toContain(texts.nominationStatus.states[n.state]);
      }
    },
  );
});

describe('buttons', () => {
  it('carry the nomination and the version they act on, in the Execute and in its Submit fallback', async () => {
    const n = await stored(nominationIn('registered'));
    const content = expectValidAdaptiveCard((await statusCardFor(deps(), n, VIEWERS.vidomes!, nl))!);
    const [acknowledge] = content.actions as Record<string, { verb?: string; nominationId?: string }>[];
    expect(acknowledge).toMatchObject({
      type: 'Action.Execute',
      verb: 'nomination.acknowledge',
      data: { verb: 'nomination.acknowledge', nominationId: n.id, version: n.version },
      fallback: {
        type: 'Action.Submit',
        data: { verb: 'nomination.acknowledge', nominationId: n.id, version: n.version },
      },
    });
  });

  it('each form asks what its step needs, with input ids unique across the card', async () => {
    const data = (await statusCardData(deps(), await stored(nominationIn('registered')), VIEWERS.vidomes!, nl))!;
    // Every form, five to a card (Teams shows at most five buttons; no state offers more than three).
    const fives = [CARD_STEPS.slice(0, 5), CARD_STEPS.slice(5, 10), CARD_STEPS.slice(10)];
    const ids: string[] = [];
    const verbs: string[] = [];
    for (const steps of fives) {
      const actions = Object.fromEntries(
        steps.map((step) => [step, { title: step, confirm: 'OK', labels: labelsFor(step), choices: choicesFor(step) }]),
      );
      const content = expectValidAdaptiveCard(nominationStatusCard({ ...data, actions }));
      ids.push(...(JSON.stringify(content).match(/"id":"[^"]+"/g) ?? []).map((id) => id.slice(6, -1)));
      verbs.push(...verbsOf(content));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.values(INPUT_IDS).sort());
    expect(verbs.sort()).toEqual(CARD_STEPS.map(stepVerb).sort());
  });

  it('are gone for a landlord once another landlord has proposed a home (5.5)', async () => {
    const n = await stored(nominationIn('home-proposed'));
    const data = (await statusCardData(deps(), n, VIEWERS.wooninvest!, nl))!;
    expect(data.actions).toEqual({});
    expect(data.notice).toBe(nl.nominationStatus.card.takenOnByAnother);
  });
});

describe('what a landlord sees (10.6)', () => {
  it.each(['vidomes', 'wooninvest'])(
    '%s: the landlord view only, no forbidden marker in any language',
    async (landlordId) => {
      const n = await stored(aNominationFullOfSecrets());
      for (const texts of [nl, en]) {
        const card = (await statusCardFor(deps(), n, { audience: 'landlord', partyId: landlordId }, texts))!;
        const json = JSON.stringify(expectValidAdaptiveCard(card));
        for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(json).not.toContain(marker);
        for (const marker of LANDLORD_VISIBLE_MARKERS)
          expect(json).toContain(texts === nl ? dutch(marker) : english(marker));
        // Only the landlord that took the nomination on sees its own records.
        for (const marker of COMMITTED_LANDLORD_MARKERS) {
          if (landlordId === 'vidomes') expect(json).not.toContain(marker);
          else expect(json).toContain(marker);
        }
      }
    },
  );

  it('is not shown to a landlord the nomination was not sent to', async () => {
    const n = await stored(aNominationFullOfSecrets());
    expect(await statusCardFor(deps(), n, { audience: 'landlord', partyId: 'duivenvoorde' }, nl)).toBeUndefined();
    expect(await statusCardFor(deps(), n, { audience: 'organisation', partyId: 'vidomes' }, nl)).toBeUndefined();
  });

  it('says who of its own organisation acknowledged, and when', async () => {
    const n = await stored(nominationIn('acknowledged'));
    const data = (await statusCardData(deps(), n, VIEWERS.vidomes!, nl))!;
    expect(data.acknowledgement).toBe(`Ontvangst bevestigd door ${ACTORS.vidomes.contactName} op 16-06-2025`);
    expect((await statusCardData(deps(), n, VIEWERS.wooninvest!, nl))!.acknowledgement).toBeUndefined();
  });
});

describe('what the counsellor sees', () => {
  it('each landlord’s acknowledgement and queue position, and the whole progress', async () => {
    const n = await stored(nominationIn('acknowledged'));
    const data = (await statusCardData(deps(), n, VIEWERS.counsellor!, nl))!;
    expect(data.landlordFacts).toEqual([
      {
        title: 'Stichting Vidomes',
        value: `Ontvangst bevestigd door ${ACTORS.vidomes.contactName} op 16-06-2025, plaats 1 in de wachtrij`,
      },
      { title: 'Stichting WoonInvest', value: 'ontvangst nog niet bevestigd, plaats 1 in de wachtrij' },
    ]);
    const signed = (await statusCardData(
      deps(),
      await stored({ ...nominationIn('lease-signed'), id: 'signed' }),
      VIEWERS.counsellor!,
      en,
    ))!;
    expect(signed.progressFacts.map((f) => f.title)).toEqual([
      'Proposed home (5.3)',
      'Home found suitable on (4.5)',
      'Offer (4.5)',
      'Intake (4.4)',
      'Credit check (5.8)',
      'Temporary lease (4.9)',
      'Guidance agreement (4.10)',
      'An early end of guidance may be shared (8.1)',
      'Next evaluation due by (5.11)',
    ]);
  });
});

describe('the evaluations on the way to an indefinite lease (5.11, 4.9)', () => {
  const evaluationFacts = (data: { progressFacts: { title: string; value: string }[] }) =>
    data.progressFacts.filter((f) => /Evaluati|evaluati/.test(f.title)).map((f) => `${f.title}: ${f.value}`);

  it('a positive evaluation the landlord recorded: the counsellor confirms it, the landlord waits', async () => {
    const n = await stored(nominationIn('lease-signed', [['vidomes', 'record-evaluation']]));
    const landlord = (await statusCardData(deps(), n, VIEWERS.vidomes!, nl))!;
    const counsellor = (await statusCardData(deps(), n, VIEWERS.counsellor!, nl))!;
    expect(Object.keys(landlord.actions)).toEqual(['record-evaluation']);
    expect(Object.keys(counsellor.actions)).toEqual(['record-evaluation', 'confirm-evaluation']);
    expect(counsellor.actions['confirm-evaluation']?.hint).toContain('de evaluatie van 15-06-2025 als positief');
    expect(evaluationFacts(landlord)).toEqual([
      'Evaluatie (5.11): 15-06-2025: positief, wacht op bevestiging door de andere partij (4.9)',
      'Volgende evaluatie uiterlijk (5.11): 15-06-2026',
    ]);
    expect(evaluationFacts(counsellor)).toEqual([
      'Evaluatie (5.11): 15-06-2025: positief, wacht op je bevestiging (4.9)',
      'Volgende evaluatie uiterlijk (5.11): 15-06-2026',
    ]);
    for (const data of [landlord, counsellor]) expectValidAdaptiveCard(nominationStatusCard(data));
  });

  it('once confirmed it is joint: only the landlord converts, in either language', async () => {
    const n = await stored(
      nominationIn('lease-signed', [
        ['vidomes', 'record-evaluation'],
        ['counsellor', 'confirm-evaluation'],
      ]),
    );
    const landlord = (await statusCardData(deps(), n, VIEWERS.vidomes!, en))!;
    const counsellor = (await statusCardData(deps(), n, VIEWERS.counsellor!, en))!;
    expect(Object.keys(landlord.actions)).toEqual(['record-evaluation', 'convert-lease']);
    expect(Object.keys(counsellor.actions)).toEqual(['record-evaluation']);
    expect(landlord.actions['convert-lease']).toMatchObject({
      title: 'Make the lease indefinite (4.9)',
      hint: expect.stringContaining('after the joint positive evaluation of 15 Jun 2025'),
      labels: { leaseConvertedOn: 'Indefinite from' },
    });
    for (const data of [landlord, counsellor]) {
      expect(evaluationFacts(data)).toEqual([
        'Evaluation (5.11): 15 Jun 2025: positive, jointly positive (4.9)',
        'Next evaluation due by (5.11): 15 Jun 2026',
      ]);
    }
  });

  it('a negative evaluation waits for no one, and the indefinite lease shows its date', async () => {
    const negative = await stored(
      nominationIn('lease-signed', [['counsellor', 'record-evaluation', { on: '2025-06-15', positive: false }]]),
    );
    const data = (await statusCardData(deps(), negative, VIEWERS.vidomes!, nl))!;
    expect(evaluationFacts(data)).toEqual([
      'Evaluatie (5.11): 15-06-2025: niet positief',
      'Volgende evaluatie uiterlijk (5.11): 15-06-2026',
    ]);
    expect(Object.keys(data.actions)).toEqual(['record-evaluation']);

    const indefinite = await stored({ ...nominationIn('lease-indefinite'), id: 'indefinite' });
    for (const viewer of [VIEWERS.vidomes!, VIEWERS.counsellor!]) {
      const shown = (await statusCardData(deps(), indefinite, viewer, nl))!;
      expect(shown.actions).toEqual({});
      expect(evaluationFacts(shown)).toEqual(['Evaluatie (5.11): 15-06-2025: positief, gezamenlijk positief (4.9)']);
      expect(shown.progressFacts).toContainEqual({ title: 'Onbepaalde tijd vanaf (4.9)', value: '16-06-2025' });
    }
  });

  it('shows a landlord date and outcome only, never who recorded or confirmed it (10.6)', async () => {
    const n = await stored(
      aNominationFullOfSecrets({
        evaluations: [
          {
            on: '2025-09-01',
            positive: true,
            recordedBy: 'SECRET-EVALUATION-RECORDER',
            recordedBySide: 'care',
            confirmedBy: 'SECRET-EVALUATION-CONFIRMER',
            confirmedAt: '2025-09-02T10:00:00.000Z',
          },
        ],
      }),
    );
    const card = (await statusCardFor(deps(), n, { audience: 'landlord', partyId: 'wooninvest' }, nl))!;
    const json = JSON.stringify(expectValidAdaptiveCard(card));
    expect(json).toContain('01-09-2025: positief, gezamenlijk positief (4.9)');
    expect(json).toContain('nomination.convert-lease');
    for (const marker of [...LANDLORD_FORBIDDEN_MARKERS, 'SECRET-EVALUATION-CONFIRMER', '02-09-2025'])
      expect(json).not.toContain(marker);
  });
});

describe('the busy card', () => {
  it('is a valid card', () => {
    expectValidAdaptiveCard(
      nominationBusyCard({ title: nl.nominationStatus.answers.busyTitle, text: nl.nominationStatus.answers.busy }),
    );
  });
});

function labelsFor(step: CardStep): Record<string, string> {
  const ids: Partial<Record<CardStep, (keyof typeof INPUT_IDS)[]>> = {
    'propose-home': ['homeDescription'],
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
    'convert-lease': ['leaseConvertedOn'],
    refuse: ['refusalReason'],
  };
  return Object.fromEntries((ids[step] ?? []).map((id) => [id, `label ${id}`]));
}

function choicesFor(step: CardStep): Record<string, { title: string; value: string }[]> {
  if (step === 'record-offer-answer') return { offerAnswer: [{ title: 'ja', value: 'accepted' }] };
  if (step === 'record-credit-check') return { creditOutcome: [{ title: 'ok', value: 'ok' }] };
  if (step === 'record-evaluation') return { evaluationOutcome: [{ title: 'positief', value: 'positive' }] };
  return {};
}

/** Visible markers appear as written, dates as the reader writes them. */
function dutch(marker: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(marker) ? nl.nominationStatus.date(marker) : marker;
}
function english(marker: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(marker) ? en.nominationStatus.date(marker) : marker;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Nomination, NominationState } from '../../../src/nomination/nomination';
import { NOMINATION_STATES } from '../../../src/nomination/states';
import { landlordView, type LandlordView } from '../../../src/views/landlord-view';
import {
  aNomination,
  aNominationFullOfSecrets,
  COMMITTED_LANDLORD_MARKERS,
  LANDLORD_FORBIDDEN_MARKERS,
  LANDLORD_VISIBLE_MARKERS,
} from '../../support/nomination-fixture';
import { keysAtAnyDepth, type DeepKeys, type Equal, type Expect } from './leak-check';

/** Keys that would carry what landlords may never see (10.6, 5.6k, 5.6l, 4.2, 1c, motivations). */
const FORBIDDEN_KEYS = [
  'scope',
  'wlzFunded',
  'expectedToLiveIndependently',
  'boundaryCrossingBehaviourInFamily',
  'viaMayor',
  'noodwoning',
  'evictingLandlordId',
  'referredByGgdMeldpunt',
  'consultationFlagged',
  'residency',
  'residencyMaatwerkMotivation',
  'motivation',
  'verdict',
  'reasons',
  'allowedLandlordIds',
  'targetLandlordIds',
  'history',
  'actorId',
  'requestHash',
  'recordedBy',
  'contactId',
  'contactName',
  'proposedBy',
  ...(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] as const),
] as const;
type ForbiddenKey = (typeof FORBIDDEN_KEYS)[number];

// Type-level guards: adding a forbidden field to LandlordView, at any depth, fails typecheck.
export type NoForbiddenKeys = Expect<Equal<Extract<DeepKeys<LandlordView>, ForbiddenKey>, never>>;
export type ChecklistKeys = Expect<
  Equal<keyof LandlordView['checklist'], 'complete' | 'budgetManagement' | 'debtArrangement'>
>;

const full = aNominationFullOfSecrets();

describe('who gets a landlord view (5.3, 6.3, 6.4)', () => {
  it.each<[string, Nomination, string, boolean]>([
    ['an addressed landlord', full, 'vidomes', true],
    ['the landlord that took it on', full, 'wooninvest', true],
    ['a landlord not chosen (Duivenvoorde, 6.4)', full, 'duivenvoorde', false],
    ['the evicting landlord: chosen, but not allowed (6.3)', full, 'SECRET-EVICTING-LANDLORD', false],
    [
      'an addressed landlord before registration',
      aNomination({ state: 'draft', registeredAt: undefined }),
      'vidomes',
      false,
    ],
    ['a care organisation', full, 'limor', false],
  ])('%s', (_label, nomination, landlordId, gets) => {
    expect(landlordView(nomination, landlordId) !== undefined).toBe(gets);
  });
});

describe.each([
  ['vidomes', false],
  ['wooninvest', true],
])('the landlord view for %s leaks nothing (10.6)', (landlordId, leads) => {
  const view = landlordView(full, landlordId, 3);
  const json = JSON.stringify(view);

  it('exists', () => {
    expect(view).toBeDefined();
  });

  it.each(LANDLORD_VISIBLE_MARKERS)('shows %s', (marker) => {
    expect(json).toContain(marker);
  });

  it.each(LANDLORD_FORBIDDEN_MARKERS)('never shows %s', (marker) => {
    expect(json).not.toContain(marker);
  });

  it.each(COMMITTED_LANDLORD_MARKERS)(`shows %s only to the landlord that leads: ${leads}`, (marker) => {
    expect(json.includes(marker)).toBe(leads);
  });

  it('has no forbidden key at any depth', () => {
    const keys = keysAtAnyDepth(view);
    expect(FORBIDDEN_KEYS.filter((key) => keys.has(key))).toEqual([]);
  });

  it('gives of the checklist only complete, budget management and debt arrangement, without motivation', () => {
    expect(view?.checklist).toEqual({ complete: true, budgetManagement: 'exception', debtArrangement: 'met' });
  });

  it('gives the queue position and the dates', () => {
    expect(view?.queuePosition).toBe(3);
    expect(view?.dates).toMatchObject({
      registeredAt: '2025-02-03T10:00:00.000Z',
      offerTargetDate: '2025-05-03',
      expectedEndOfIntramuralCare: '2025-12-24',
    });
    expect(view?.takenOnByAnotherLandlord).toBe(!leads);
  });
});

describe('the landlord view in other shapes', () => {
  it('says the checklist is incomplete when an item is unanswered', () => {
    const checklist = { ...full.checklist };
    delete checklist.d;
    expect(landlordView({ ...full, checklist }, 'vidomes')?.checklist.complete).toBe(false);
  });

  it('is a projection: changing it does not change the nomination', () => {
    const nomination = aNominationFullOfSecrets();
    const view = landlordView(nomination, 'wooninvest');
    view!.candidate.household.adults = 99;
    view!.requirements.housing = 'changed';
    expect(nomination.candidate.household.adults).toBe(2);
    expect(nomination.requirements.housing).toBe('SECRET-HOUSING-REQ');
  });

  it('never shows a forbidden marker, whatever the state and whoever leads', () => {
    const landlords = ['vidomes', 'wooninvest'];
    fc.assert(
      fc.property(
        fc.constantFrom<NominationState>(...NOMINATION_STATES),
        fc.constantFrom(...landlords),
        fc.constantFrom(...landlords),
        fc.boolean(),
        (state, leader, viewer, withProgress) => {
          const nomination = aNominationFullOfSecrets({
            state,
            ...(withProgress
              ? {
                  proposedHome: { ...full.proposedHome!, landlordId: leader },
                  offer: { ...full.offer!, landlordId: leader },
                  lease: { ...full.lease!, landlordId: leader },
                  refusal: { ...full.refusal!, landlordId: leader },
                }
              : { proposedHome: undefined, offer: undefined, lease: undefined, refusal: undefined }),
          });
          const json = JSON.stringify(landlordView(nomination, viewer));
          for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(json).not.toContain(marker);
          for (const marker of LANDLORD_VISIBLE_MARKERS) expect(json).toContain(marker);
          if (viewer !== leader || !withProgress) {
            for (const marker of COMMITTED_LANDLORD_MARKERS) expect(json).not.toContain(marker);
          }
        },
      ),
    );
  });

  it('rejects forbidden fields at the type level', () => {
    const view = landlordView(full, 'vidomes');
    if (!view) throw new Error('expected a view');
    // @ts-expect-error 5.6l: TBS is never in a landlord view (10.6)
    expect(view.checklist.l).toBeUndefined();
    // @ts-expect-error 5.6k: eviction is never in a landlord view
    expect(view.checklist.k).toBeUndefined();
    // @ts-expect-error no motivations, not even for 5.6j
    expect(view.checklist.budgetManagement?.motivation).toBeUndefined();
    // @ts-expect-error 5.6l via the mayor
    expect(view.viaMayor).toBeUndefined();
    // @ts-expect-error 4.2 and the scope confirmations
    expect(view.scope).toBeUndefined();
    // @ts-expect-error 6.3 the evicting landlord
    expect(view.noodwoning).toBeUndefined();
    // @ts-expect-error 1c maatwerk motivation
    expect(view.residencyMaatwerkMotivation).toBeUndefined();
    // @ts-expect-error verdict reasons
    expect(view.verdict).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { countNoodwoningQuota } from '../../../src/distribution/noodwoning-quota';
import { distributionUse, newYearDistribution } from '../../../src/distribution/allocation';
import type { Nomination } from '../../../src/nomination/nomination';
import { erasePersonalData } from '../../../src/retention/erase-personal-data';
import { aNomination, aNominationFullOfSecrets, PERSONAL_MARKERS } from '../../support/nomination-fixture';

const NOW = new Date('2026-03-01T02:00:00.000Z');
const full = aNominationFullOfSecrets({ state: 'lease-indefinite', closedAt: '2025-09-01T10:00:00.000Z' });
const erased = erasePersonalData(full, NOW);

describe('erasing personal data (DESIGN.md: aggregates stay)', () => {
  it.each(PERSONAL_MARKERS)('removes %s', (marker) => {
    expect(JSON.stringify(erased)).not.toContain(marker);
  });

  it.each<[string, (n: Nomination) => unknown]>([
    ['id', (n) => n.id],
    ['version', (n) => n.version],
    ['type', (n) => n.type],
    ['state', (n) => n.state],
    ['nominating party', (n) => n.nominatingPartyId],
    ['createdAt', (n) => n.createdAt],
    ['registeredAt', (n) => n.registeredAt],
    ['closedAt', (n) => n.closedAt],
    ['verdict kind', (n) => n.verdict?.kind],
    ['allowed landlords', (n) => n.verdict?.allowedLandlordIds],
    ['acknowledgement landlords and times', (n) => n.acknowledgements.map((a) => [a.landlordId, a.at])],
    ['proposed home landlord and time', (n) => [n.proposedHome?.landlordId, n.proposedHome?.proposedAt]],
    ['suitability confirmed', (n) => n.suitabilityConfirmedAt],
    ['offer (6.4 quota)', (n) => n.offer],
    ['intake date', (n) => n.intake],
    ['lease (9 use)', (n) => n.lease],
    ['refusal landlord and date', (n) => [n.refusal?.landlordId, n.refusal?.on]],
    ['noodwoning consultation (6.4)', (n) => n.noodwoning?.consultationFlagged],
    ['history transitions', (n) => n.history.map((h) => [h.at, h.action, h.from, h.to, h.version])],
  ])('keeps %s', (_label, pick) => {
    expect(pick(erased)).toEqual(pick(full));
  });

  it.each<[string, (n: Nomination) => unknown, unknown]>([
    ['candidate', (n) => n.candidate, { name: '', household: { adults: 0, minorChildren: 0 } }],
    ['residency', (n) => n.residency, []],
    ['residency maatwerk motivation (1c)', (n) => n.residencyMaatwerkMotivation, undefined],
    ['expected end of care (5.3)', (n) => n.expectedEndOfIntramuralCare, undefined],
    ['requirements (5.7)', (n) => n.requirements, {}],
    ['checklist and motivations (5.6)', (n) => n.checklist, {}],
    [
      '4.2 and scope',
      (n) => n.scope,
      { wlzFunded: false, expectedToLiveIndependently: false, boundaryCrossingBehaviourInFamily: false },
    ],
    ['via the mayor (5.6l)', (n) => n.viaMayor, undefined],
    ['evicting landlord (6.3)', (n) => n.noodwoning?.evictingLandlordId, undefined],
    ['verdict reasons', (n) => n.verdict?.reasons, []],
    ['credit check (5.8, 5.9)', (n) => n.creditCheck, undefined],
    ['evaluations', (n) => n.evaluations, []],
    ['nominator contact', (n) => n.nominatedByContactId, ''],
    ['history actors and request hashes', (n) => n.history.map((h) => [h.actorId, h.requestHash]), [['', undefined]]],
  ])('blanks %s', (_label, pick, blank) => {
    expect(pick(erased)).toEqual(blank);
  });

  it('keeps only the landlords it went to: an excluded evicting landlord would reveal the eviction (6.3)', () => {
    expect(full.targetLandlordIds).toEqual(['vidomes', 'wooninvest', 'SECRET-EVICTING-LANDLORD']);
    expect(erased.targetLandlordIds).toEqual(['vidomes', 'wooninvest']);
  });

  it('sets erasedAt once: erasing again changes nothing', () => {
    expect(erased.erasedAt).toBe('2026-03-01T02:00:00.000Z');
    expect(erasePersonalData(erased, new Date('2027-01-01T00:00:00.000Z'))).toEqual(erased);
  });

  it('drops a field it does not know, so a personal field added later is erased too', () => {
    const withFutureField = { ...full, futureNotes: 'SECRET-FUTURE-FIELD' } as Nomination;
    expect(JSON.stringify(erasePersonalData(withFutureField, NOW))).not.toContain('SECRET-FUTURE-FIELD');
  });

  it('keeps the yearly figures the same (9, 6.4)', () => {
    const before = [full, aNomination({ state: 'registered' })];
    const after = before.map((n) => erasePersonalData(n, NOW));
    expect(distributionUse(newYearDistribution(2025), after)).toEqual(
      distributionUse(newYearDistribution(2025), before),
    );
    expect(countNoodwoningQuota(after, 2025)).toEqual(countNoodwoningQuota(before, 2025));
  });

  it('does not change the nomination it was given', () => {
    const copy = structuredClone(full);
    erasePersonalData(full, NOW);
    expect(full).toEqual(copy);
  });
});

import { describe, expect, it } from 'vitest';
import { organisationView } from '../../../src/views/organisation-view';
import { aNominationFullOfSecrets, PERSONAL_MARKERS } from '../../support/nomination-fixture';

describe('the nominating organisation’s view', () => {
  const nomination = aNominationFullOfSecrets();

  it.each([
    ['limor', true],
    ['parnassia', false],
    ['vidomes', false],
    ['gemeente-leidschendam-voorburg', false],
  ])('viewer %s gets it: %s', (partyId, gets) => {
    expect(organisationView(nomination, partyId) !== undefined).toBe(gets);
  });

  it('shows everything, including checklist answers and motivations', () => {
    const json = JSON.stringify(organisationView(nomination, 'limor', { vidomes: 2 }));
    for (const marker of PERSONAL_MARKERS) expect(json).toContain(marker);
    expect(organisationView(nomination, 'limor', { vidomes: 2 })).toMatchObject({
      offerTargetDate: '2025-05-03',
      queuePositions: { vidomes: 2 },
    });
  });

  it('is a copy', () => {
    const view = organisationView(nomination, 'limor');
    view!.nomination.candidate.name = 'changed';
    expect(nomination.candidate.name).toBe('Jan MARKER');
  });
});

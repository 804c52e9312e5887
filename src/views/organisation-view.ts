/**
 * What the nominating organisation sees of its own nomination: everything, including
 * the checklist answers and motivations (DESIGN.md "Who may see what"). No other
 * party gets this view.
 */
import type { Nomination } from '../nomination/nomination';
import { offerTargetDate } from '../queue/target-date';
import type { IsoDate } from '../time/dates';

export interface OrganisationView {
  audience: 'nominating-organisation';
  /** A copy: changing the view never changes the nomination. */
  nomination: Nomination;
  /** 5.4: the date by which an offer should be made, once registered. */
  offerTargetDate?: IsoDate;
  /** Position in each addressed landlord's queue (5.4), as the caller computed it. */
  queuePositions: Record<string, number>;
}

/** Undefined when the viewer is not the nominating organisation. */
export function organisationView(
  nomination: Nomination,
  viewerPartyId: string,
  queuePositions: Readonly<Record<string, number>> = {},
): OrganisationView | undefined {
  if (viewerPartyId !== nomination.nominatingPartyId) return undefined;
  return {
    audience: 'nominating-organisation',
    nomination: structuredClone(nomination),
    ...(nomination.registeredAt ? { offerTargetDate: offerTargetDate(nomination) } : {}),
    queuePositions: { ...queuePositions },
  };
}

import type { Nomination } from '../nomination/nomination';
import { addMonths, compareDates, localDate, type IsoDate } from '../time/dates';

// 5.4: "indien mogelijk binnen drie maanden", counted in calendar months from the
// local registration date in Amsterdam (31 Aug → 30 Nov, 30 Nov → 28/29 Feb).
export const OFFER_TARGET_MONTHS = 3;

/** What the dates below read of a nomination: a whole one, or its counted fields (storage ports). */
export type RegistrationFacts = Pick<Nomination, 'registeredAt' | 'createdAt'>;

/** The instant that orders the queue (5.4 "op volgorde van aanmelding"). */
export function registrationInstant(nomination: RegistrationFacts): string {
  return nomination.registeredAt ?? nomination.createdAt;
}

/** The local (Amsterdam) date of registration. */
export function registrationDate(nomination: RegistrationFacts): IsoDate {
  return localDate(new Date(registrationInstant(nomination)));
}

/** The date by which an offer should be made (5.4). */
export function offerTargetDate(nomination: RegistrationFacts): IsoDate {
  return addMonths(registrationDate(nomination), OFFER_TARGET_MONTHS);
}

/** Overdue: today is after the target date and no offer was made yet (5.4). */
export function isOfferOverdue(nomination: RegistrationFacts & { offer?: unknown }, today: IsoDate): boolean {
  return !nomination.offer && compareDates(today, offerTargetDate(nomination)) > 0;
}

/**
 * What is due, as pure functions of the nominations and the clock (reminder.ts has the table).
 * A reminder is computed from the nomination as it is now, so one that no longer applies — an
 * offer made, an evaluation recorded, a lease converted — is simply not there any more; a changed
 * date makes a new reminder (its id holds the date).
 */
import { covenantYearOf } from '../distribution/covenant-year';
import { NOODWONINGEN_PER_YEAR } from '../distribution/noodwoning-quota';
import { addressedLandlordIds } from '../nomination/actor';
import type { Nomination } from '../nomination/nomination';
import { nextEvaluationDueOn } from '../nomination/steps/lease';
import { isLandlordStillSearching } from '../queue/addressed-to';
import { isWaitingForOffer } from '../queue/queue';
import { offerTargetDate } from '../queue/target-date';
import { zonedInstant } from '../scheduling/zoned-time';
import { addDays, addMonths, compareDates, COVENANT_TIME_ZONE, localDate, type IsoDate } from '../time/dates';
import {
  CATCH_UP_DAYS,
  EVALUATION_LEAD_DAYS,
  LEASE_END_LEAD_MONTHS,
  OFFER_TARGET_LEAD_DAYS,
  REMINDER_HOUR,
  type NominationReminder,
  type PlatformReminder,
} from './reminder';

/** Every reminder the nomination has in its current state, whatever the date. */
export function remindersOf(n: Nomination): NominationReminder[] {
  if (n.erasedAt) return [];
  const reminders: NominationReminder[] = [];
  if (n.registeredAt && isWaitingForOffer(n)) {
    // 5.4: the landlords still looking for a home for it.
    const landlordIds = addressedLandlordIds(n).filter((id) => isLandlordStillSearching(n, id));
    const target = offerTargetDate(n);
    const base = { nominationId: n.id, dueDate: target, landlordIds, toOrganisation: false };
    reminders.push(
      {
        ...base,
        kind: 'offer-target-approaching',
        sendOn: addDays(target, -OFFER_TARGET_LEAD_DAYS),
        relevantUntil: target,
      },
      { ...base, kind: 'offer-target-passed', sendOn: addDays(target, 1) },
    );
  }
  const lease = n.lease;
  if (n.state === 'lease-signed' && lease) {
    const both = { nominationId: n.id, landlordIds: [lease.landlordId], toOrganisation: true };
    const evaluationDue = nextEvaluationDueOn(n);
    if (evaluationDue) {
      // 5.11
      reminders.push({
        ...both,
        kind: 'evaluation-due',
        dueDate: evaluationDue,
        sendOn: addDays(evaluationDue, -EVALUATION_LEAD_DAYS),
      });
    }
    // 4.9: the conversion decision falls before the temporary lease ends.
    reminders.push({
      ...both,
      kind: 'temporary-lease-ending',
      dueDate: lease.temporaryUntil,
      sendOn: addMonths(lease.temporaryUntil, -LEASE_END_LEAD_MONTHS),
      relevantUntil: lease.temporaryUntil,
    });
  }
  return reminders.filter((r) => r.landlordIds.length > 0 || r.toOrganisation);
}

/** The instant a reminder for `sendOn` goes out. */
export function sendInstant(sendOn: IsoDate, timeZone: string = COVENANT_TIME_ZONE): Date {
  return zonedInstant(sendOn, REMINDER_HOUR, 0, timeZone);
}

/** Due now: its time has come, it still applies, and it is not older than the catch-up window. */
export function isDue(
  reminder: { sendOn: IsoDate; relevantUntil?: IsoDate },
  now: Date,
  timeZone: string = COVENANT_TIME_ZONE,
): boolean {
  const today = localDate(now, timeZone);
  if (now.getTime() < sendInstant(reminder.sendOn, timeZone).getTime()) return false;
  if (compareDates(today, addDays(reminder.sendOn, CATCH_UP_DAYS)) > 0) return false;
  return reminder.relevantUntil === undefined || compareDates(today, reminder.relevantUntil) <= 0;
}

export function dueNominationReminders(
  nominations: readonly Nomination[],
  now: Date,
  timeZone: string = COVENANT_TIME_ZONE,
): NominationReminder[] {
  return nominations.flatMap(remindersOf).filter((r) => isDue(r, now, timeZone));
}

/**
 * 6.4: two noodwoningen a year, counted by offer (as noodwoning-quota.ts counts); 2b, 9: the
 * homes Duivenvoorde lets a year (one unless the platform set otherwise), counted by signed
 * lease (as the distribution counts). Each fires on the day the last one was used, for the
 * current year and — around New Year — the year before.
 */
export function duePlatformReminders(
  nominations: readonly Nomination[],
  duivenvoordeHomes: (year: number) => number,
  duivenvoordeId: string,
  now: Date,
  timeZone: string = COVENANT_TIME_ZONE,
): PlatformReminder[] {
  const thisYear = Number(localDate(now, timeZone).slice(0, 4));
  const reminders: PlatformReminder[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const offers = nominations
      .filter((n) => n.type === 'noodwoning' && n.offer && covenantYearOf(n.offer.madeOn) === year)
      .map((n) => n.offer!.madeOn);
    const quotaDay = usedUpOn(offers, NOODWONINGEN_PER_YEAR);
    if (quotaDay) {
      const used = offers.length;
      reminders.push({
        kind: 'noodwoning-quota-used-up',
        year,
        dueDate: quotaDay,
        sendOn: quotaDay,
        used,
        of: NOODWONINGEN_PER_YEAR,
      });
    }
    const homes = duivenvoordeHomes(year);
    const leases = nominations
      .filter((n) => n.lease?.landlordId === duivenvoordeId && covenantYearOf(n.lease.signedOn) === year)
      .map((n) => n.lease!.signedOn);
    const homesDay = usedUpOn(leases, homes);
    if (homesDay) {
      reminders.push({
        kind: 'duivenvoorde-home-used',
        year,
        dueDate: homesDay,
        sendOn: homesDay,
        used: leases.length,
        of: homes,
      });
    }
  }
  return reminders.filter((r) => isDue(r, now, timeZone));
}

/** The local date the `quota`-th of these dates (or instants) fell on; undefined while fewer. */
function usedUpOn(datesOrInstants: readonly string[], quota: number): IsoDate | undefined {
  if (quota <= 0) return undefined;
  const dates = datesOrInstants.map((d) => (d.length > 10 ? localDate(new Date(d)) : d)).sort();
  return dates[quota - 1];
}

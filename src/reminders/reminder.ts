/**
 * Reminders: what the covenant asks someone to do by a date, said once, ahead of time.
 *
 * | kind                      | article | about (dueDate)                 | goes out (09:00 Amsterdam)  | to                       |
 * | ------------------------- | ------- | ------------------------------- | --------------------------- | ------------------------ |
 * | offer-target-approaching  | 5.4     | the three-month offer target    | 14 days before              | landlords still searching |
 * | offer-target-passed       | 5.4     | the three-month offer target    | the day after               | landlords still searching |
 * | evaluation-due            | 5.11    | a year after the last evaluation | 14 days before             | organisation and landlord |
 * | temporary-lease-ending    | 4.9     | the temporary lease's end       | two months before           | organisation and landlord |
 * | noodwoning-quota-used-up  | 6.4     | the year's second noodwoning offer | that day                 | platform (counts only)   |
 * | duivenvoorde-home-used    | 2b, 9   | Duivenvoorde's lease of the year | that day                   | platform (counts only)   |
 *
 * Lead times: two weeks leaves a landlord time to find or free a home before the target, and a
 * counsellor time to plan the evaluation in the tenant's home (5.11 "bij voorkeur in de woning");
 * two months before a temporary lease ends leaves room for the joint evaluation that decides its
 * conversion (4.9) and for the notice a lease ending needs.
 */
import type { IsoDate } from '../time/dates';

export const REMINDER_KINDS = [
  'offer-target-approaching',
  'offer-target-passed',
  'evaluation-due',
  'temporary-lease-ending',
  'noodwoning-quota-used-up',
  'duivenvoorde-home-used',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type TenancyReminderKind = Exclude<ReminderKind, PlatformReminderKind>;
export type PlatformReminderKind = 'noodwoning-quota-used-up' | 'duivenvoorde-home-used';

export const OFFER_TARGET_LEAD_DAYS = 14; // 5.4
export const EVALUATION_LEAD_DAYS = 14; // 5.11
export const LEASE_END_LEAD_MONTHS = 2; // 4.9
/** Reminders go out at the start of a working day in the covenant's time zone. */
export const REMINDER_HOUR = 9;
/**
 * A reminder missed while the bot was down still goes out within this many days of its date;
 * after that it is left: by then it is news to no one, and recomputing every old reminder on every
 * tick would cost a read per recipient each time.
 */
export const CATCH_UP_DAYS = 7;

/** A reminder about one nomination, for its landlords and/or its nominating organisation. */
export interface NominationReminder {
  kind: TenancyReminderKind;
  nominationId: string;
  dueDate: IsoDate;
  /** The local date it goes out, at REMINDER_HOUR. */
  sendOn: IsoDate;
  /** It is moot after this date (e.g. "approaching" once the target has passed). */
  relevantUntil?: IsoDate;
  landlordIds: string[];
  toOrganisation: boolean;
}

/** A reminder for the platform channel: counts only (10.2), nothing that names a nomination. */
export interface PlatformReminder {
  kind: PlatformReminderKind;
  year: number;
  dueDate: IsoDate;
  sendOn: IsoDate;
  /** e.g. 2 of 2 noodwoningen offered, 1 of 1 Duivenvoorde home let. */
  used: number;
  of: number;
}

/** One outbox message per reminder and conversation: enqueueing it again stores nothing (fires once). */
export function nominationReminderId(reminder: NominationReminder, conversationKey: string): string {
  return `reminder:${reminder.kind}:${reminder.nominationId}:${reminder.dueDate}:${conversationKey}`;
}

export function platformReminderId(reminder: PlatformReminder): string {
  return `reminder:${reminder.kind}:${reminder.year}:${reminder.dueDate}`;
}

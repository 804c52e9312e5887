/**
 * A reminder's card for one viewer, drawn when it is sent: a landlord's from the landlord view of
 * the nomination only (10.6), the organisation's from the organisation view; undefined when the
 * viewer may not see the nomination (any more). Platform reminders carry counts only.
 */
import type { CardAttachment } from '../../cards/render';
import { reminderCard } from '../../cards/reminder/reminder.model';
import { jointPositiveEvaluation } from '../../src/nomination/steps/lease';
import { queuePositionOf } from '../../src/queue/landlord-queue';
import type { PlatformReminder } from '../../src/reminders/reminder';
import type { Store } from '../../src/storage/ports';
import { localDate, type Clock } from '../../src/time/dates';
import { landlordView } from '../../src/views/landlord-view';
import { organisationView } from '../../src/views/organisation-view';
import type { Texts } from '../i18n/texts';
import type { ReminderPayload } from '../scheduler/reminder-message';

export interface ReminderCardDeps {
  store: Pick<Store, 'nominations'>;
  clock: Clock;
}

/** What a reminder shows of the tenancy, from the view the viewer may have. */
interface Seen {
  name: string;
  registeredAt?: string;
  lease?: { signedOn: string; temporaryUntil: string };
  lastEvaluationOn?: string;
  jointPositive: boolean;
  queuePosition?: number;
}

export async function reminderCardFor(
  deps: ReminderCardDeps,
  payload: ReminderPayload,
  texts: Texts,
): Promise<CardAttachment | undefined> {
  const nomination = await deps.store.nominations.get(payload.nominationId);
  if (!nomination || nomination.erasedAt) return undefined;
  let seen: Seen;
  if (payload.viewer.audience === 'landlord') {
    const landlordId = payload.viewer.partyId;
    const position = await queuePositionOf(deps.store, nomination.id, landlordId, deps.clock);
    const view = landlordView(nomination, landlordId, position);
    if (!view) return undefined;
    const evaluations = view.own.evaluations;
    seen = {
      name: view.candidate.name,
      registeredAt: view.dates.registeredAt,
      ...(view.own.lease && { lease: view.own.lease }),
      ...(evaluations.length > 0 && { lastEvaluationOn: evaluations.at(-1)!.on }),
      // The landlord's own records hold no confirmation; the nomination's state says the rest.
      jointPositive: jointPositiveEvaluation(nomination) !== undefined,
      ...(view.queuePosition !== undefined && { queuePosition: view.queuePosition }),
    };
  } else {
    const view = organisationView(nomination, payload.viewer.partyId);
    if (!view) return undefined;
    const n = view.nomination;
    seen = {
      name: n.candidate.name,
      ...(n.registeredAt && { registeredAt: n.registeredAt }),
      ...(n.lease && { lease: n.lease }),
      ...(n.evaluations.length > 0 && { lastEvaluationOn: n.evaluations.at(-1)!.on }),
      jointPositive: jointPositiveEvaluation(n) !== undefined,
    };
  }
  return reminderCard(nominationReminderData(payload, seen, texts));
}

function nominationReminderData(payload: ReminderPayload, seen: Seen, texts: Texts) {
  const r = texts.reminders;
  const f = r.facts;
  const date = texts.nominationStatus.date;
  const due = date(payload.dueDate);
  const rows: [string, string | undefined][] = [[f.candidate, seen.name]];
  let text: string;
  switch (payload.reminderKind) {
    case 'offer-target-approaching':
    case 'offer-target-passed':
      text = payload.reminderKind === 'offer-target-passed' ? r.offerTargetPassed(due) : r.offerTargetApproaching(due);
      rows.push(
        [f.registeredOn, seen.registeredAt && date(localDate(new Date(seen.registeredAt)))],
        [f.offerTargetDate, due],
        [f.queuePosition, seen.queuePosition?.toString()],
      );
      break;
    case 'evaluation-due':
      text = r.evaluationDue(due);
      rows.push(
        [f.leaseSignedOn, seen.lease && date(seen.lease.signedOn)],
        [f.lastEvaluation, seen.lastEvaluationOn ? date(seen.lastEvaluationOn) : f.none],
        [f.evaluationDueOn, due],
      );
      break;
    case 'temporary-lease-ending':
      text = r.temporaryLeaseEnding(due);
      rows.push(
        [f.leaseSignedOn, seen.lease && date(seen.lease.signedOn)],
        [f.temporaryUntil, due],
        [f.jointPositiveEvaluation, seen.jointPositive ? f.yes : f.no],
      );
      break;
  }
  return {
    title: r.titles[payload.reminderKind],
    text,
    facts: rows.filter((row): row is [string, string] => Boolean(row[1])).map(([title, value]) => ({ title, value })),
    open: { title: r.open, nominationId: payload.nominationId },
  };
}

/** 6.4, 2b/9 for the platform channel: counts and a year, nothing else (10.2). */
export function platformReminderCard(reminder: PlatformReminder, texts: Texts): CardAttachment {
  const r = texts.reminders;
  const text =
    reminder.kind === 'noodwoning-quota-used-up'
      ? r.noodwoningQuotaUsedUp(reminder.year, reminder.used, reminder.of)
      : r.duivenvoordeHomeUsed(reminder.year, reminder.used, reminder.of);
  return reminderCard({ title: r.titles[reminder.kind], text, facts: [] });
}

/** English texts of the reminders; keys as in reminders.nl.ts. */
import type { ReminderTexts } from './reminders.nl';

export const remindersEn: ReminderTexts = {
  titles: {
    'offer-target-approaching': 'Reminder: the target date for a home offer is near (5.4)',
    'offer-target-passed': 'Reminder: the target date for a home offer has passed (5.4)',
    'evaluation-due': 'Reminder: yearly evaluation (5.11)',
    'temporary-lease-ending': 'Reminder: the temporary lease is ending (4.9)',
    'noodwoning-quota-used-up': "This year's emergency homes offered (6.4)",
    'duivenvoorde-home-used': "Stichting Duivenvoorde's home let (2b, 9)",
  },
  offerTargetApproaching: (date) =>
    `Where possible the housing associations offer a home within three months of the nomination, in order of nomination (5.4). The target date is ${date}.`,
  offerTargetPassed: (date) =>
    `The target date of ${date} has passed without a home offer (5.4). Consult the counsellor about where things stand if needed.`,
  evaluationDue: (date) =>
    `Evaluate the progress with the tenant, the counsellor and the housing association by ${date}, preferably in the tenant's home (5.11).`,
  temporaryLeaseEnding: (date) =>
    `The temporary lease ends on ${date}. After a joint positive evaluation by the care organisation and the housing association it is converted into an indefinite lease (4.9): take that decision before that date.`,
  noodwoningQuotaUsedUp: (year, used, of) =>
    `In ${year}, ${used} of the ${of} agreed emergency homes have been offered. Before another one the parties consult first and the housing associations look for an extra home (6.4).`,
  duivenvoordeHomeUsed: (year, used, of) =>
    `Stichting Duivenvoorde has let ${used} of the ${of} agreed ${of === 1 ? 'home' : 'homes'} for care-dependent groups in ${year} (2b, 9). Further nominations this year go to the other housing associations, or to an exchange (9).`,
  facts: {
    candidate: 'Candidate tenant',
    registeredOn: 'Nominated on',
    offerTargetDate: 'Target date for a home offer (5.4)',
    queuePosition: 'Place in the queue (5.4)',
    evaluationDueOn: 'Evaluation due by (5.11)',
    lastEvaluation: 'Last evaluation',
    none: 'none yet',
    leaseSignedOn: 'Lease signed on',
    temporaryUntil: 'Temporary lease runs until (4.9)',
    jointPositiveEvaluation: 'Joint positive evaluation (4.9)',
    yes: 'yes',
    no: 'not yet',
  },
  open: 'Open nomination',
};

/**
 * Dutch texts of the reminders (5.4, 5.11, 4.9, 6.4, 2b/9). Wired into nl.ts as `reminders`;
 * reminders.en.ts has the same keys.
 */
import type { ReminderKind } from '../../src/reminders/reminder';

export const remindersNl = {
  titles: {
    'offer-target-approaching': 'Herinnering: de streefdatum voor een woningaanbod nadert (5.4)',
    'offer-target-passed': 'Herinnering: de streefdatum voor een woningaanbod is verstreken (5.4)',
    'evaluation-due': 'Herinnering: jaarlijkse evaluatie (5.11)',
    'temporary-lease-ending': 'Herinnering: de tijdelijke huurovereenkomst loopt af (4.9)',
    'noodwoning-quota-used-up': 'Noodwoningen van dit jaar aangeboden (6.4)',
    'duivenvoorde-home-used': 'Woning van Stichting Duivenvoorde verhuurd (2b, 9)',
  } satisfies Record<ReminderKind, string>,
  offerTargetApproaching: (date: string) =>
    `Waar mogelijk bieden de verhuurders binnen drie maanden na aanmelding woonruimte aan, op volgorde van aanmelding (5.4). De streefdatum is ${date}.`,
  offerTargetPassed: (date: string) =>
    `De streefdatum van ${date} is verstreken zonder woningaanbod (5.4). Overleg zo nodig met de begeleider over de stand.`,
  evaluationDue: (date: string) =>
    `Evalueer uiterlijk ${date} de voortgang met de huurder, de begeleider en de verhuurder, bij voorkeur in de woning van de huurder (5.11).`,
  temporaryLeaseEnding: (date: string) =>
    `De tijdelijke huurovereenkomst loopt af op ${date}. Na een gezamenlijke positieve evaluatie van zorgorganisatie en verhuurder wordt hij omgezet naar een huurovereenkomst voor onbepaalde tijd (4.9): neem dat besluit vóór die datum.`,
  noodwoningQuotaUsedUp: (year: number, used: number, of: number) =>
    `In ${year} zijn ${used} van de ${of} afgesproken noodwoningen aangeboden. Voor een volgende treden partijen eerst in overleg en zoeken de verhuurders een extra woning (6.4).`,
  duivenvoordeHomeUsed: (year: number, used: number, of: number) =>
    `Stichting Duivenvoorde heeft in ${year} ${used} van de ${of} afgesproken ${of === 1 ? 'woning' : 'woningen'} voor zorgafhankelijke groepen verhuurd (2b, 9). Verdere aanmeldingen gaan dit jaar naar de andere verhuurders, of naar een uitwisseling (9).`,
  facts: {
    candidate: 'Kandidaat huurder',
    registeredOn: 'Aangemeld op',
    offerTargetDate: 'Streefdatum woningaanbod (5.4)',
    queuePosition: 'Plaats in de wachtrij (5.4)',
    evaluationDueOn: 'Evaluatie uiterlijk (5.11)',
    lastEvaluation: 'Laatste evaluatie',
    none: 'nog geen',
    leaseSignedOn: 'Huurovereenkomst getekend op',
    temporaryUntil: 'Tijdelijke huur loopt tot (4.9)',
    jointPositiveEvaluation: 'Gezamenlijke positieve evaluatie (4.9)',
    yes: 'ja',
    no: 'nog niet',
  },
  open: 'Aanmelding openen',
};

export type ReminderTexts = typeof remindersNl;

/** Every English text the bot shows; the keys are those of nl.ts. Commands stay Dutch words. */
import { nominationEn } from './nomination.en';
import { nominationStatusEn, queueEn } from './nomination-status.en';
import type { Texts } from './nl';
import { platformEn } from './platform.en';
import { remindersEn } from './reminders.en';
import { signalsEn } from './signals.en';

export const en: Texts = {
  notKnown:
    'You are not (yet) known as a contact person of a covenant party. Ask the platform coordinator of the municipality of Leidschendam-Voorburg to add you.',
  commandNotAvailable: (command) => `You cannot use "${command}" here. You can use:`,
  somethingWentWrong: 'Something went wrong. Please try again later.',
  storeUnavailable: 'Convenantbot is temporarily unavailable. Please try again in a few minutes.',
  help: {
    title: 'Convenantbot',
    introPersonal: (role, party) => `You are known as ${role} of ${party}. Type one of these commands:`,
    introShared: 'You can type these commands in this conversation. Only counts appear here, no personal data.',
    newNomination: 'New nomination',
  },
  roles: {
    counsellor: 'counsellor',
    casemanager: 'case manager',
    'landlord-contact': 'fixed contact person',
    'ggd-contact': 'contact person of the Meldpunt',
    'platform-coordinator': 'platform coordinator',
  },
  commands: {
    aanmelden: 'New nomination for a covenant home or an emergency home',
    'mijn-aanmeldingen': "Your organisation's nominations and where they stand",
    wachtrij: "Your housing association's queue, in covenant order",
    status: 'Covenant figures: counts only, no personal data',
    verdeling: 'Record the yearly allocation of homes per housing association',
    help: 'What Convenantbot can do for you',
  },
  nominationStatus: nominationStatusEn,
  queue: queueEn,
  nomination: nominationEn,
  platform: platformEn,
  signals: signalsEn,
  reminders: remindersEn,
};

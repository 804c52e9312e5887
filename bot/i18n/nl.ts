/**
 * Every Dutch text the bot shows. English (en.ts) has the same keys; add a text to both.
 * Dutch is the default: the covenant, its parties and its users are Dutch.
 */
import type { ContactRole } from '../../src/parties/party';
import type { CommandId } from '../commands';
import { nominationNl } from './nomination.nl';
import { nominationStatusNl, queueNl } from './nomination-status.nl';
import { platformNl } from './platform.nl';
import { remindersNl } from './reminders.nl';
import { signalsNl } from './signals.nl';

export const nl = {
  notKnown:
    'Je bent (nog) niet bekend als contactpersoon van een convenantpartij. Vraag de platformcoördinator van de gemeente Leidschendam-Voorburg om je toe te voegen.',
  commandNotAvailable: (command: string) => `"${command}" kun je hier niet gebruiken. Dit kan wel:`,
  somethingWentWrong: 'Er ging iets mis. Probeer het later nog eens.',
  storeUnavailable: 'Convenantbot is tijdelijk niet beschikbaar. Probeer het over een paar minuten nog eens.',
  help: {
    title: 'Convenantbot',
    introPersonal: (role: string, party: string) =>
      `Je bent bekend als ${role} van ${party}. Typ een van deze commando's:`,
    introShared:
      "In dit gesprek kun je deze commando's typen. Hier verschijnen alleen aantallen, geen persoonsgegevens.",
    newNomination: 'Nieuwe aanmelding',
  },
  roles: {
    counsellor: 'begeleider',
    casemanager: 'casemanager',
    'landlord-contact': 'vaste contactpersoon',
    'ggd-contact': 'contactpersoon van het Meldpunt',
    'platform-coordinator': 'platformcoördinator',
  } satisfies Record<ContactRole, string>,
  commands: {
    aanmelden: 'Nieuwe aanmelding voor een convenantwoning of noodwoning',
    'mijn-aanmeldingen': 'Aanmeldingen van je organisatie en hun stand',
    wachtrij: 'Wachtrij van je corporatie, in volgorde van het convenant',
    status: 'Cijfers van het convenant: aantallen, geen persoonsgegevens',
    verdeling: 'Jaarverdeling van woningen per corporatie vastleggen',
    help: 'Wat Convenantbot voor je kan doen',
  } satisfies Record<CommandId, string>,
  nominationStatus: nominationStatusNl,
  queue: queueNl,
  nomination: nominationNl,
  platform: platformNl,
  signals: signalsNl,
  reminders: remindersNl,
};

export type Texts = typeof nl;

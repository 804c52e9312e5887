/**
 * Dutch texts of signals (8.1, 8.2, 10.5): the "Signaal" form on a tenancy's status card, the
 * signal card, and the answers to sending and acknowledging. Wired into nl.ts as `signals`;
 * signals.en.ts has the same keys.
 */
import type { SignalKind } from '../../src/signals/signal';
import type { SignalErrorCode } from '../../src/signals/signal-rules';

export const signalsNl = {
  kinds: {
    overlast: 'overlast',
    huurachterstand: 'huurachterstand',
    'einde-begeleiding': 'voortijdig einde van de begeleiding',
    'weigering-begeleiding': 'begeleiding geweigerd',
  } satisfies Record<SignalKind, string>,
  /** Choices on the form, with the article. */
  kindChoices: {
    overlast: 'Overlast (8.2)',
    huurachterstand: 'Huurachterstand (8.2)',
    'einde-begeleiding': 'Voortijdig einde van de begeleiding (8.1)',
    'weigering-begeleiding': 'Begeleiding geweigerd (10.5)',
  } satisfies Record<SignalKind, string>,
  /** "16-06-2025" and "10:05" → "16-06-2025 om 10:05" */
  dateTime: (date: string, time: string) => `${date} om ${time}`,
  /** 812.5 → "€ 812,50" */
  euros: (amount: number) => `€ ${amount.toFixed(2).replace('.', ',')}`,
  form: {
    title: 'Signaal',
    hintLandlord:
      'Geef overlast of huurachterstand direct door aan de begeleiders van de aanmeldende organisatie (8.2).',
    hintCare:
      'Geef overlast of huurachterstand direct door aan de vaste contactpersonen van de verhuurder (8.2), en een voortijdig einde of weigering van de begeleiding (8.1, 10.5).',
    guidanceNotShareable:
      'Een voortijdig einde of weigering van de begeleiding kun je niet via Convenantbot melden: de woonbegeleidingsovereenkomst legt niet vast dat dit met de verhuurder gedeeld mag worden (8.1, 10.4, 10.5).',
    kind: 'Soort signaal',
    amount: 'Hoogte van de achterstand in euro (alleen bij huurachterstand)',
    since: 'Achterstand sinds (alleen bij huurachterstand)',
    note: 'Korte toelichting (optioneel, hoogstens 500 tekens; niet bij einde of weigering van de begeleiding)',
    warning:
      'Schrijf geen behandel- of justitiële informatie op (10.6): alleen wat de ander nodig heeft om te handelen.',
    confirm: 'Signaal versturen',
  },
  card: {
    title: (kind: string) => `Signaal: ${kind}`,
    subtitleReceived: (sender: string, party: string, at: string) => `Van ${sender} (${party}), ${at}`,
    subtitleSent: (party: string, at: string) => `Verstuurd aan ${party}, ${at}`,
    tenant: 'Huurder',
    erasedTenant: '(persoonsgegevens verwijderd)',
    home: 'Woning',
    kind: 'Soort',
    amount: 'Hoogte van de achterstand',
    since: 'Achterstand sinds',
    note: 'Toelichting',
    guidanceNotice:
      'De woonbegeleidingsovereenkomst legt vast dat dit met de verhuurder gedeeld mag worden (8.1, 10.5). Er wordt geen behandelinhoud gedeeld (10.6).',
    acknowledgedBy: (name: string, at: string) => `Ontvangst bevestigd door ${name}, ${at}`,
    notAcknowledged: 'Ontvangst nog niet bevestigd',
    acknowledge: 'Ontvangst bevestigen',
    privacyReminder:
      'Alleen de afzender en de ontvangende organisatie zien dit signaal; het platform telt alleen aantallen. Deel geen behandel- of justitiële informatie (10.6).',
  },
  answers: {
    sent: (party: string) =>
      `Signaal verstuurd aan ${party}. Je krijgt hieronder een eigen kaart met de ontvangstbevestiging.`,
    unreachable: (names: string) => `Niet bereikbaar in Teams: ${names}. Neem zo nodig ook zelf contact op.`,
    notSent: (reason: string) => `Niet verstuurd: ${reason}`,
    unreadable: 'De gegevens van deze kaart zijn onleesbaar. Open de aanmelding opnieuw.',
    cannotView: 'Dit signaal kun je niet bekijken.',
    errors: {
      'not-found': 'Deze aanmelding of dit signaal bestaat niet (meer).',
      'not-your-tenancy':
        'Alleen de verhuurder van deze huurder en de begeleiders van de aanmeldende organisatie kunnen hier een signaal geven.',
      'not-receiver': 'Alleen de ontvangende organisatie kan de ontvangst van dit signaal bevestigen.',
      'not-a-tenancy': 'Een signaal kan pas als de huurovereenkomst getekend is (4.9).',
      'unknown-kind': 'Kies de soort signaal.',
      'kind-not-for-landlord':
        'Een voortijdig einde of weigering van de begeleiding meldt de begeleider aan de verhuurder (8.1, 10.5).',
      'guidance-not-shareable':
        'Dit kan niet: de woonbegeleidingsovereenkomst legt niet vast dat een voortijdig einde of weigering van de begeleiding met de verhuurder gedeeld mag worden (8.1, 10.4, 10.5).',
      'note-not-allowed':
        'Bij een einde of weigering van de begeleiding hoort geen toelichting: alleen dát het zo is wordt gedeeld, geen inhoud (8.1, 10.6).',
      'note-too-long': 'De toelichting is langer dan 500 tekens. Houd het kort: alleen wat de ander nodig heeft.',
      'arrears-amount-missing': 'Vul bij huurachterstand de hoogte van de achterstand in.',
      'arrears-amount-invalid': 'De hoogte van de achterstand is een bedrag in euro boven nul, bijvoorbeeld 812,50.',
      'arrears-since-missing': 'Vul bij huurachterstand in sinds wanneer de achterstand bestaat.',
      'arrears-since-invalid': 'De datum van de achterstand is een geldige datum, niet in de toekomst.',
      'arrears-since-before-lease':
        'De achterstand kan niet ontstaan zijn vóór de huurovereenkomst (getekend op {date}).',
    } satisfies Record<SignalErrorCode, string>,
  },
};

export type SignalTexts = typeof signalsNl;

/** English texts of signals; keys as in signals.nl.ts. */
import type { SignalTexts } from './signals.nl';

export const signalsEn: SignalTexts = {
  kinds: {
    overlast: 'nuisance',
    huurachterstand: 'rent arrears',
    'einde-begeleiding': 'guidance ended early',
    'weigering-begeleiding': 'guidance refused',
  },
  kindChoices: {
    overlast: 'Nuisance (8.2)',
    huurachterstand: 'Rent arrears (8.2)',
    'einde-begeleiding': 'Guidance ended early (8.1)',
    'weigering-begeleiding': 'Guidance refused (10.5)',
  },
  dateTime: (date, time) => `${date} at ${time}`,
  euros: (amount) => `€${amount.toFixed(2)}`,
  form: {
    title: 'Signal',
    hintLandlord: "Pass nuisance or rent arrears straight to the nominating organisation's counsellors (8.2).",
    hintCare:
      "Pass nuisance or rent arrears straight to the housing association's fixed contacts (8.2), and an early end or refusal of guidance (8.1, 10.5).",
    guidanceNotShareable:
      'An early end or refusal of guidance cannot be reported through Convenantbot: the guidance agreement does not record that it may be shared with the housing association (8.1, 10.4, 10.5).',
    kind: 'Kind of signal',
    amount: 'Amount of the arrears in euros (rent arrears only)',
    since: 'Arrears since (rent arrears only)',
    note: 'Short note (optional, at most 500 characters; not with an end or refusal of guidance)',
    warning: 'Do not write down treatment or justice information (10.6): only what the other side needs to act.',
    confirm: 'Send signal',
  },
  card: {
    title: (kind) => `Signal: ${kind}`,
    subtitleReceived: (sender, party, at) => `From ${sender} (${party}), ${at}`,
    subtitleSent: (party, at) => `Sent to ${party}, ${at}`,
    tenant: 'Tenant',
    erasedTenant: '(personal data removed)',
    home: 'Home',
    kind: 'Kind',
    amount: 'Amount of the arrears',
    since: 'Arrears since',
    note: 'Note',
    guidanceNotice:
      'The guidance agreement records that this may be shared with the housing association (8.1, 10.5). No treatment content is shared (10.6).',
    acknowledgedBy: (name, at) => `Receipt confirmed by ${name}, ${at}`,
    notAcknowledged: 'Receipt not confirmed yet',
    acknowledge: 'Confirm receipt',
    privacyReminder:
      'Only the sender and the receiving organisation see this signal; the platform only counts them. Do not share treatment or justice information (10.6).',
  },
  answers: {
    sent: (party) =>
      `Signal sent to ${party}. You will get a card of your own below that shows the confirmation of receipt.`,
    unreachable: (names) => `Not reachable in Teams: ${names}. Contact them yourself if needed.`,
    notSent: (reason) => `Not sent: ${reason}`,
    unreadable: 'The data on this card cannot be read. Open the nomination again.',
    cannotView: 'You cannot view this signal.',
    errors: {
      'not-found': 'This nomination or signal does not exist (any more).',
      'not-your-tenancy':
        "Only this tenant's housing association and the nominating organisation's counsellors can give a signal here.",
      'not-receiver': 'Only the receiving organisation can confirm receipt of this signal.',
      'not-a-tenancy': 'A signal can only be given once the lease is signed (4.9).',
      'unknown-kind': 'Choose the kind of signal.',
      'kind-not-for-landlord':
        'An early end or refusal of guidance is reported by the counsellor to the housing association (8.1, 10.5).',
      'guidance-not-shareable':
        'Not possible: the guidance agreement does not record that an early end or refusal of guidance may be shared with the housing association (8.1, 10.4, 10.5).',
      'note-not-allowed':
        'An end or refusal of guidance carries no note: only the fact is shared, no content (8.1, 10.6).',
      'note-too-long': 'The note is longer than 500 characters. Keep it short: only what the other side needs.',
      'arrears-amount-missing': 'Fill in the amount of the rent arrears.',
      'arrears-amount-invalid': 'The amount of the arrears is an amount in euros above zero, for example 812.50.',
      'arrears-since-missing': 'Fill in since when the rent arrears exist.',
      'arrears-since-invalid': 'The date of the arrears is a valid date, not in the future.',
      'arrears-since-before-lease': 'The arrears cannot have arisen before the lease (signed on {date}).',
    },
  },
};

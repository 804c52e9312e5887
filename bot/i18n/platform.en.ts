/** English texts for the platform channel; the keys are those of platform.nl.ts. */
import type { PlatformTexts } from './platform.nl';

export const platformEn: PlatformTexts = {
  locale: 'en-GB',
  digest: {
    weeklyTitle: (week, year) => `Covenant weekly overview — week ${week}, ${year}`,
    statusTitle: 'Where the covenant stands',
    subtitle: (date) => `As of ${date}. Counts only, no personal data (10.2).`,
    messageText: (week, year) => `Covenant weekly overview, week ${week} of ${year}`,
    nominations: {
      heading: 'Nominations',
      newThisWeek: (week) => `New this week (week ${week})`,
      newPreviousWeek: (week) => `New last week (week ${week})`,
      waiting: 'Waiting for an offer (5.4)',
      overdue: 'More than three months without an offer (5.4)',
    },
    landlords: {
      heading: (year) => `Distribution ${year} per landlord (9): let of the homes set`,
      under: (remaining) => `${remaining} to go`,
      onTarget: 'distribution reached',
      notSet: 'no homes set for this year (9)',
      over: (overBy) => `${overBy} above the distribution`,
      offers: (count) => `${count} ${count === 1 ? 'offer' : 'offers'}`,
      exchanged: (set, given, received) =>
        [
          `set ${set}`,
          ...(given > 0 ? [`${given} given away`] : []),
          ...(received > 0 ? [`${received} received`] : []),
        ].join(', '),
      queue: (waiting, overdue) => (overdue > 0 ? `queue ${waiting}, ${overdue} past the target` : `queue ${waiting}`),
    },
    noodwoningen: {
      heading: 'Emergency homes (6.4)',
      offered: (year) => `Offered in ${year}`,
      waiting: 'Families waiting for an emergency home',
      consultation: "Both of this year's emergency homes were offered: parties consult before the next one (6.4).",
    },
    signals: {
      heading: 'Signals (8.1, 8.2, 10.5)',
      notCounted: 'Not tracked in Convenantbot yet.',
      thisWeek: 'This week',
      previousWeek: 'Last week',
      types: {
        overlast: 'nuisance',
        huurachterstand: 'rent arrears',
        'einde-begeleiding': 'guidance ended',
        'weigering-begeleiding': 'guidance refused',
      },
    },
    evaluations: {
      heading: 'Evaluations (5.11)',
      due: 'Yearly evaluation due, by the end of this week',
      overdue: 'of which late',
    },
    reach: {
      heading: 'Reachability',
      unreachable: 'Contacts not reachable in Teams',
      undelivered: 'Messages not delivered',
      undeliveredValue: (failed, unreachable) =>
        `${failed + unreachable} (${failed} failed, ${unreachable} recipient unreachable)`,
    },
    none: 'none',
  },
  types: { convenantwoning: 'covenant home', noodwoning: 'emergency home' },
  partyKinds: {
    gemeente: 'municipality',
    zorgorganisatie: 'care organisation',
    reclassering: 'Probation service',
    'lokale-kamer': 'Lokale Kamer',
    'ggd-meldpunt': 'GGD Meldpunt',
    limor: 'LIMOR',
    'sociale-verhuurder': 'landlord',
  },
  distribution: {
    title: (year) => `Distribution ${year} (9)`,
    introEditable:
      "Set each landlord's number of homes for this year, or record an exchange between landlords. Stichting Duivenvoorde: 1 home a year (2b, 9).",
    introReadOnly: "Only the municipality's platform coordinator can change the distribution.",
    homesHeading: 'Homes per landlord',
    save: 'Save distribution',
    exchangeHeading: 'Exchange of homes (9)',
    from: 'From landlord',
    to: 'To landlord',
    exchangeHomes: 'Number of homes',
    note: 'Note (no personal data)',
    recordExchange: 'Record exchange',
    exchangesHeading: 'Exchanges this year',
    exchangeLine: (date, from, to, homes) => `${date}: ${from} → ${to}, ${homes} ${homes === 1 ? 'home' : 'homes'}`,
    saved: 'The distribution was saved.',
    unchanged: 'Nothing was changed.',
    exchangeRecorded: 'The exchange was recorded.',
    notAllowed: 'Only the platform coordinator can change the distribution. This is where it stands.',
    changedMeanwhile: 'Someone else just changed the distribution. Look at the new figures and try again.',
    invalidHomes: (name) => `Enter a whole number of 0 or more for ${name}.`,
    invalidExchange: 'Choose two landlords and a whole number of homes of 1 or more.',
    rules: {
      'invalid-homes': 'A number of homes is a whole number: 0 or more, 1 or more in an exchange.',
      'same-landlord': 'A landlord cannot exchange homes with itself.',
      'not-enough-homes': 'This landlord has not that many homes left to exchange this year.',
      'outside-year': 'An exchange applies to the running year only.',
    },
  },
};

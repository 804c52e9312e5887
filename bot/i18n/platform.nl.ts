/**
 * Dutch texts for the platform channel (art. 3): the weekly digest, "status" and "verdeling".
 * Counts only (10.2): no text here takes a person's data. Wired into nl.ts as `platform`;
 * platform.en.ts has the same keys.
 */
import type { SignalType } from '../../src/digest/signal-counts';
import type { DistributionRuleError } from '../../src/distribution/allocation';
import type { NominationType } from '../../src/nomination/nomination';
import type { PartyKind } from '../../src/parties/party';

export const platformNl = {
  locale: 'nl-NL',
  digest: {
    weeklyTitle: (week: number, year: number) => `Weekoverzicht convenant — week ${week}, ${year}`,
    statusTitle: 'Stand van het convenant',
    subtitle: (date: string) => `Stand per ${date}. Alleen aantallen, geen persoonsgegevens (10.2).`,
    /** Short text of the week's digest message, shown in the activity feed. */
    messageText: (week: number, year: number) => `Weekoverzicht convenant, week ${week} van ${year}`,
    nominations: {
      heading: 'Aanmeldingen',
      newThisWeek: (week: number) => `Nieuw deze week (week ${week})`,
      newPreviousWeek: (week: number) => `Nieuw vorige week (week ${week})`,
      waiting: 'Wachten op een aanbod (5.4)',
      overdue: 'Langer dan drie maanden zonder aanbod (5.4)',
    },
    landlords: {
      heading: (year: number) => `Verdeling ${year} per corporatie (9): verhuurd van het aantal woningen`,
      under: (remaining: number) => `nog ${remaining} te gaan`,
      onTarget: 'verdeling gehaald',
      notSet: 'nog geen woningen vastgesteld voor dit jaar (9)',
      over: (overBy: number) => `${overBy} boven de verdeling`,
      offers: (count: number) => `${count} ${count === 1 ? 'aanbod' : 'aanbiedingen'}`,
      exchanged: (set: number, given: number, received: number) =>
        [
          `vastgesteld ${set}`,
          ...(given > 0 ? [`${given} afgestaan`] : []),
          ...(received > 0 ? [`${received} ontvangen`] : []),
        ].join(', '),
      queue: (waiting: string, overdue: number) =>
        overdue > 0 ? `wachtrij ${waiting}, ${overdue} over de termijn` : `wachtrij ${waiting}`,
    },
    noodwoningen: {
      heading: 'Noodwoningen (6.4)',
      offered: (year: number) => `Aangeboden in ${year}`,
      waiting: 'Gezinnen die wachten op een noodwoning',
      consultation:
        'Beide noodwoningen van dit jaar zijn aangeboden: bij een volgende treden partijen eerst in overleg (6.4).',
    },
    signals: {
      heading: 'Signalen (8.1, 8.2, 10.5)',
      notCounted: 'Nog niet bijgehouden in Convenantbot.',
      thisWeek: 'Deze week',
      previousWeek: 'Vorige week',
      types: {
        overlast: 'overlast',
        huurachterstand: 'huurachterstand',
        'einde-begeleiding': 'einde begeleiding',
        'weigering-begeleiding': 'begeleiding geweigerd',
      } satisfies Record<SignalType, string>,
    },
    evaluations: {
      heading: 'Evaluaties (5.11)',
      due: 'Jaarlijkse evaluatie te doen, uiterlijk deze week',
      overdue: 'waarvan te laat',
    },
    reach: {
      heading: 'Bereikbaarheid',
      unreachable: 'Contactpersonen niet bereikbaar in Teams',
      undelivered: 'Berichten niet afgeleverd',
      undeliveredValue: (failed: number, unreachable: number) =>
        `${failed + unreachable} (${failed} mislukt, ${unreachable} ontvanger onbereikbaar)`,
    },
    none: 'geen',
  },
  types: { convenantwoning: 'convenantwoning', noodwoning: 'noodwoning' } satisfies Record<NominationType, string>,
  partyKinds: {
    gemeente: 'gemeente',
    zorgorganisatie: 'zorgorganisatie',
    reclassering: 'Reclassering',
    'lokale-kamer': 'Lokale Kamer',
    'ggd-meldpunt': 'GGD Meldpunt',
    limor: 'LIMOR',
    'sociale-verhuurder': 'corporatie',
  } satisfies Record<PartyKind, string>,
  distribution: {
    title: (year: number) => `Verdeling ${year} (9)`,
    introEditable:
      'Stel per corporatie het aantal woningen van dit jaar vast, of leg een ruil tussen corporaties vast. Stichting Duivenvoorde: 1 woning per jaar (2b, 9).',
    introReadOnly: 'Alleen de platformcoördinator van de gemeente kan de verdeling wijzigen.',
    homesHeading: 'Aantal woningen per corporatie',
    save: 'Verdeling opslaan',
    exchangeHeading: 'Ruil van woningen (9)',
    from: 'Van corporatie',
    to: 'Naar corporatie',
    exchangeHomes: 'Aantal woningen',
    note: 'Toelichting (geen persoonsgegevens)',
    recordExchange: 'Ruil vastleggen',
    exchangesHeading: 'Ruilingen dit jaar',
    exchangeLine: (date: string, from: string, to: string, homes: number) =>
      `${date}: ${from} → ${to}, ${homes} ${homes === 1 ? 'woning' : 'woningen'}`,
    saved: 'De verdeling is opgeslagen.',
    unchanged: 'Er was niets gewijzigd.',
    exchangeRecorded: 'De ruil is vastgelegd.',
    notAllowed: 'Alleen de platformcoördinator kan de verdeling wijzigen. Dit is de huidige stand.',
    changedMeanwhile: 'Iemand anders heeft de verdeling net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.',
    invalidHomes: (name: string) => `Vul bij ${name} een heel aantal van 0 of meer in.`,
    invalidExchange: 'Kies twee corporaties en een heel aantal woningen van 1 of meer.',
    rules: {
      'invalid-homes': 'Een aantal woningen is een heel getal: 0 of meer, bij een ruil 1 of meer.',
      'same-landlord': 'Een corporatie kan niet met zichzelf ruilen.',
      'not-enough-homes': 'Zoveel woningen heeft deze corporatie dit jaar niet meer over om te ruilen.',
      'outside-year': 'Een ruil geldt alleen voor het lopende jaar.',
    } satisfies Record<DistributionRuleError['rule'], string>,
  },
};

export type PlatformTexts = typeof platformNl;

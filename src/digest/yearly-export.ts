/**
 * 11.1: the parties evaluate the covenant at least once a year; the gemeente reports on it.
 * The year's aggregates as CSV, counts only (10.2): per landlord the homes set and exchanged
 * against offers and leases (9, 6.4), per type how nominations came in and ended, and the median
 * wait from registration to offer (5.4). Subjects are registry landlord ids and the nomination
 * types; nothing else from a nomination becomes text.
 *
 * Events count in the Amsterdam year they happened: registration (registeredAt), an exit
 * (closedAt), an offer (offer.madeOn), a lease (lease.signedOn). Erased nominations keep all
 * of these, so the figures survive retention.
 */
import { distributionUse } from '../distribution/allocation';
import { covenantYearOf } from '../distribution/covenant-year';
import { yearDistribution } from '../distribution/distribution-service';
import type { Nomination, NominationState, NominationType } from '../nomination/nomination';
import { registrationDate } from '../queue/target-date';
import type { Store } from '../storage/ports';
import { daysBetween } from '../time/dates';
import { currentLandlordIds } from '../views/platform-view-of';
import { offersIn } from './digest-figures';

const NOMINATION_TYPES = ['convenantwoning', 'noodwoning'] as const satisfies readonly NominationType[];

export interface LandlordYear {
  homesSet: number;
  homesGiven: number;
  homesReceived: number;
  homesEffective: number;
  offers: number;
  leasesSigned: number;
  noodwoningenOffered: number;
}

export interface TypeYear {
  registered: number;
  notEligible: number;
  withdrawn: number;
  /** 4.5: the one-time offer was declined. */
  offerDeclined: number;
  /** 5.5: the landlord refused the candidate. */
  refused: number;
  offers: number;
  /** Of the offers made this year; undefined when there were none. */
  medianDaysRegistrationToOffer: number | undefined;
}

export interface YearlyFigures {
  year: number;
  landlords: Record<string, LandlordYear>;
  types: Record<NominationType, TypeYear>;
}

export async function yearlyFiguresOf(
  store: Pick<Store, 'nominations' | 'distributions' | 'parties'>,
  year: number,
): Promise<YearlyFigures> {
  const [landlordIds, distribution, nominations] = await Promise.all([
    currentLandlordIds(store),
    yearDistribution(store, year),
    store.nominations.find({}),
  ]);
  const use = new Map(distributionUse(distribution, nominations).map((u) => [u.landlordId, u]));
  const offers = offersIn(year, nominations);
  const ofType = (type: NominationType) => nominations.filter((n) => n.type === type);
  const noodwoningOffers = offersIn(year, ofType('noodwoning'));
  const landlords: Record<string, LandlordYear> = {};
  for (const landlordId of landlordIds) {
    const u = use.get(landlordId);
    landlords[landlordId] = {
      homesSet: u?.set ?? 0,
      homesGiven: u?.given ?? 0,
      homesReceived: u?.received ?? 0,
      homesEffective: u?.effective ?? 0,
      offers: offers[landlordId] ?? 0,
      leasesSigned: u?.used ?? 0,
      noodwoningenOffered: noodwoningOffers[landlordId] ?? 0,
    };
  }
  const types: Record<NominationType, TypeYear> = {
    convenantwoning: typeYear(year, ofType('convenantwoning')),
    noodwoning: typeYear(year, ofType('noodwoning')),
  };
  return { year, landlords, types };
}

function typeYear(year: number, nominations: readonly Nomination[]): TypeYear {
  const closedAs = (state: NominationState) =>
    nominations.filter((n) => n.state === state && n.closedAt && covenantYearOf(n.closedAt) === year).length;
  // 5.4: days from the (Amsterdam) registration date to the offer, for each offer made this year.
  const daysToOffer = nominations.flatMap((n) =>
    n.offer && covenantYearOf(n.offer.madeOn) === year ? [daysBetween(registrationDate(n), n.offer.madeOn)] : [],
  );
  return {
    registered: nominations.filter((n) => n.registeredAt && covenantYearOf(n.registeredAt) === year).length,
    notEligible: closedAs('not-eligible'),
    withdrawn: closedAs('withdrawn'),
    offerDeclined: closedAs('offer-declined'),
    refused: closedAs('refused'),
    offers: daysToOffer.length,
    medianDaysRegistrationToOffer: median(daysToOffer),
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const LANDLORD_MEASURES: Record<keyof LandlordYear, string> = {
  homesSet: 'homes_set',
  homesGiven: 'homes_given',
  homesReceived: 'homes_received',
  homesEffective: 'homes_effective',
  offers: 'offers',
  leasesSigned: 'leases_signed',
  noodwoningenOffered: 'noodwoningen_offered',
};

const TYPE_MEASURES: Record<keyof TypeYear, string> = {
  registered: 'registered',
  notEligible: 'not_eligible',
  withdrawn: 'withdrawn',
  offerDeclined: 'offer_declined',
  refused: 'refused',
  offers: 'offers',
  medianDaysRegistrationToOffer: 'median_days_registration_to_offer',
};

export const YEARLY_CSV_HEADER = 'year,section,subject,measure,value';

/**
 * One row per figure (year, section, subject, measure, value), comma-separated with a header,
 * so a spreadsheet can pivot it. An empty value: no offers to take a median of.
 */
export function yearlyCsv(figures: YearlyFigures): string {
  const rows = [YEARLY_CSV_HEADER];
  const row = (section: string, subject: string, measure: string, value: number | undefined) =>
    rows.push(
      [String(figures.year), section, subject, measure, value === undefined ? '' : String(value)]
        .map(csvField)
        .join(','),
    );
  for (const [landlordId, landlord] of Object.entries(figures.landlords)) {
    for (const [key, measure] of Object.entries(LANDLORD_MEASURES)) {
      row('landlord', landlordId, measure, landlord[key as keyof LandlordYear]);
    }
  }
  for (const type of NOMINATION_TYPES) {
    for (const [key, measure] of Object.entries(TYPE_MEASURES)) {
      row('type', type, measure, figures.types[type][key as keyof TypeYear]);
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting, and no leading = + - @ that a spreadsheet would run as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Art. 9: the yearly distribution of homes per landlord set by the platform, with
 * exchanges between landlords during the year. Duivenvoorde: one home a year (2b, 9).
 */
export interface Exchange {
  fromLandlordId: string;
  toLandlordId: string;
  homes: number;
  on: string;
  recordedBy: string;
  note?: string;
}

export interface YearDistribution {
  /** e.g. "2025" */
  year: number;
  /** landlord id → homes set by the platform for that year. */
  homes: Record<string, number>;
  exchanges: Exchange[];
  version: number;
}

/**
 * The nomination's states in Dutch, and which of them close it. A closed nomination's personal
 * data is erased after the retention period (src/retention).
 */
import type { NominationState } from './nomination';

export const NOMINATION_STATES = [
  'draft',
  'registered',
  'acknowledged',
  'home-proposed',
  'suitability-confirmed',
  'offer-made',
  'offer-accepted',
  'intake-planned',
  'credit-checked',
  'lease-signed',
  'lease-indefinite',
  'not-eligible',
  'withdrawn',
  'refused',
  'offer-declined',
] as const satisfies readonly NominationState[];

/** No step leads out of these; reaching one sets closedAt. */
export const TERMINAL_STATES: readonly NominationState[] = [
  'lease-indefinite', // 4.9: the covenant's route ends with the indefinite lease
  'not-eligible',
  'withdrawn',
  'refused',
  'offer-declined', // 4.5: the offer is one-time, so a decline ends the nomination
];

export function isTerminal(state: NominationState): boolean {
  return TERMINAL_STATES.includes(state);
}

export const STATE_LABELS_NL: Record<NominationState, string> = {
  draft: 'concept',
  registered: 'aangemeld',
  acknowledged: 'ontvangen door verhuurder',
  'home-proposed': 'woning voorgesteld',
  'suitability-confirmed': 'woning geschikt bevonden',
  'offer-made': 'woningaanbod gedaan',
  'offer-accepted': 'aanbod aangenomen',
  'intake-planned': 'intake gepland',
  'credit-checked': 'kredietwaardigheid getoetst',
  'lease-signed': 'tijdelijk huurcontract getekend',
  'lease-indefinite': 'huurcontract voor onbepaalde tijd',
  'not-eligible': 'voldoet niet aan de criteria',
  withdrawn: 'ingetrokken',
  refused: 'geweigerd door verhuurder',
  'offer-declined': 'aanbod afgewezen',
};

/**
 * The lifecycle's own words in Dutch: its states, and its refusals by code (src/nomination/refusals.ts).
 * Both come from src/, where Dutch is the covenant's language; lifecycle.en.ts has the same in English.
 */
import type { NominationState } from '../../src/nomination/nomination';
import { FIELD_LABELS_NL, REFUSAL_TEXTS_NL } from '../../src/nomination/refusal-texts.nl';
import type { FieldLabel, RefusalTexts } from '../../src/nomination/refusals';
import { STATE_LABELS_NL } from '../../src/nomination/states';

export const lifecycleNl = {
  states: STATE_LABELS_NL satisfies Record<NominationState, string>,
  fieldLabels: FIELD_LABELS_NL satisfies Record<FieldLabel, string>,
  /** Kept word for word: the same sentences the lifecycle writes as `message`. */
  refusals: REFUSAL_TEXTS_NL satisfies RefusalTexts,
};

export type LifecycleTexts = typeof lifecycleNl;

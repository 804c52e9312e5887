import type { ReasonCode } from './reason-codes';

/** The outcome of checking a nomination against the covenant (1c, 4.1, 4.2, preamble, 5.6, 6). */
export type VerdictKind = 'eligible' | 'eligible-with-maatwerk' | 'not-eligible' | 'out-of-scope';

export interface VerdictReason {
  /** Language-free key of the reason; the bot looks up the sentence per language (reasons.nl.ts). */
  code: ReasonCode;
  /** Article reference as in the covenant, e.g. "5.6k", "1c", "4.2", "preambule". */
  article: string;
  /** One Dutch sentence that starts with the article, e.g. "5.6k: ...". */
  text: string;
  /** blocking: makes the nomination not eligible / out of scope; maatwerk: needs a reviewer; info: recorded only. */
  severity: 'blocking' | 'maatwerk' | 'info';
}

export interface Verdict {
  kind: VerdictKind;
  reasons: VerdictReason[];
  /** Landlords this nomination may go to after the rules (5.6b, 6.3, 6.4). */
  allowedLandlordIds: string[];
  decidedAt: string;
}

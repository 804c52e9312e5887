/** Building verdict reasons from their codes, and ordering them by article. */
import { reasonRule, type ReasonCode } from './reason-codes';
import { reasonTextNl } from './reasons.nl';
import type { VerdictReason } from './verdict';

export function makeReason(code: ReasonCode): VerdictReason {
  const { article, severity } = reasonRule(code);
  return { code, article, severity, text: reasonTextNl(code) };
}

export function isOutOfScopeReason(reason: VerdictReason): boolean {
  return reasonRule(reason.code).outOfScope === true;
}

/** The preamble first, then article numbers in natural order: 1c < 1l < 4.1 < 5.3 < 5.6a < 5.6l < 6.1. */
export function compareArticles(a: string, b: string): number {
  const ka = articleKey(a);
  const kb = articleKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i];
    const y = kb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

function articleKey(article: string): (number | string)[] {
  if (article === 'preambule') return [0]; // "Overwegende dat" comes before article 1
  return (article.match(/\d+|[a-z]+/g) ?? []).map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}

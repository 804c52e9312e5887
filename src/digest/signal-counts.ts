/**
 * Signals between landlords and counsellors (8.1, 8.2, 10.5), counted for the platform.
 * There is no signal store yet: the digest takes an optional counter and reports "not counted"
 * without one. The signal work should own SIGNAL_TYPES and implement SignalCounter on its store.
 */
export const SIGNAL_TYPES = [
  'overlast', // 8.2 nuisance
  'huurachterstand', // 8.2 rent arrears
  'einde-begeleiding', // 8.1 premature end of guidance
  'weigering-begeleiding', // 10.5 guidance refused
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export interface SignalCounter {
  /** Signals sent at or after `from` and before `before` (UTC ISO instants), by type. Counts only. */
  countByType(from: string, before: string): Promise<Partial<Record<string, number>>>;
}

export type SignalCounts = { counted: false } | { counted: true; byType: Record<SignalType, number> };

/** Reads the counter's answer through the fixed list, so an unknown key never becomes a label (10.2). */
export async function countSignals(
  counter: SignalCounter | undefined,
  from: string,
  before: string,
): Promise<SignalCounts> {
  if (!counter) return { counted: false };
  const counts = await counter.countByType(from, before);
  const byType = Object.fromEntries(SIGNAL_TYPES.map((t) => [t, wholeCount(counts[t])])) as Record<SignalType, number>;
  return { counted: true, byType };
}

function wholeCount(value: number | undefined): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

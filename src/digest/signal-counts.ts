/**
 * Signals between landlords and counsellors (8.1, 8.2, 10.5), counted for the platform.
 * The digest takes an optional counter (the signal store, src/storage/signal-port.ts) and
 * reports "not counted" without one. The kinds are src/signals/'s.
 */
import { SIGNAL_KINDS, type SignalKind } from '../signals/signal';

export const SIGNAL_TYPES = SIGNAL_KINDS;
export type SignalType = SignalKind;

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

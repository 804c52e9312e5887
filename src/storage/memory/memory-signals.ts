import type { Signal } from '../../signals/signal';
import { DuplicateKeyError, VersionConflictError } from '../ports';
import { plainCopy } from '../plain-copy';
import type { SignalStore } from '../signal-port';
import { clearPending, withPendingBefore } from './memory-pending';
import { compareOptional, type MemoryState } from './memory-state';

export class MemorySignalStore implements SignalStore {
  private readonly signals = new Map<string, Signal>();

  constructor(private readonly state: MemoryState) {}

  async insert(signal: Omit<Signal, 'version'>): Promise<Signal> {
    this.state.assertOpen();
    if (this.signals.has(signal.id)) throw new DuplicateKeyError('signals', signal.id);
    const stored: Signal = { ...plainCopy(signal), version: 1 };
    this.signals.set(signal.id, stored);
    return plainCopy(stored);
  }

  async get(id: string): Promise<Signal | undefined> {
    this.state.assertOpen();
    const signal = this.signals.get(id);
    return signal && plainCopy(signal);
  }

  async replace(next: Signal, expectedVersion: number): Promise<Signal> {
    this.state.assertOpen();
    if (this.signals.get(next.id)?.version !== expectedVersion) {
      throw new VersionConflictError('signals', next.id, expectedVersion);
    }
    const stored: Signal = { ...plainCopy(next), version: expectedVersion + 1 };
    this.signals.set(next.id, stored);
    return plainCopy(stored);
  }

  async listForNomination(nominationId: string): Promise<Signal[]> {
    this.state.assertOpen();
    return [...this.signals.values()]
      .filter((s) => s.nominationId === nominationId)
      .sort((a, b) => compareOptional(a.sentAt, b.sentAt) || compareOptional(a.id, b.id))
      .map(plainCopy);
  }

  async nominationIdsWithUnerasedSignals(): Promise<string[]> {
    this.state.assertOpen();
    const ids = new Set([...this.signals.values()].filter((s) => !s.erasedAt).map((s) => s.nominationId));
    return [...ids].sort();
  }

  async countByType(from: string, before: string): Promise<Partial<Record<string, number>>> {
    this.state.assertOpen();
    const counts: Record<string, number> = {};
    for (const s of this.signals.values()) {
      if (s.sentAt >= from && s.sentAt < before) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
    }
    return counts;
  }

  async withPendingNotifications(before: string, limit: number): Promise<Signal[]> {
    this.state.assertOpen();
    return withPendingBefore(this.signals.values(), before, limit);
  }

  async clearPendingNotifications(id: string, entryIds: readonly string[]): Promise<void> {
    this.state.assertOpen();
    clearPending(this.signals.get(id), entryIds);
  }
}

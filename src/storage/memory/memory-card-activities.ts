import type { CardActivityRecord, CardActivityStore } from '../card-activity-port';
import { plainCopy } from '../plain-copy';
import { compareOptional, type MemoryState } from './memory-state';

const keyOf = (nominationId: string, conversationKey: string) => `${nominationId}|${conversationKey}`;

export class MemoryCardActivityStore implements CardActivityStore {
  private readonly records = new Map<string, CardActivityRecord>();

  constructor(private readonly state: MemoryState) {}

  async get(nominationId: string, conversationKey: string): Promise<CardActivityRecord | undefined> {
    this.state.assertOpen();
    const record = this.records.get(keyOf(nominationId, conversationKey));
    return record && plainCopy(record);
  }

  async record(record: CardActivityRecord): Promise<void> {
    this.state.assertOpen();
    const key = keyOf(record.nominationId, record.conversationKey);
    const stored = this.records.get(key);
    if (stored && stored.version > record.version) return;
    this.records.set(key, plainCopy(record));
  }

  async listForNomination(nominationId: string): Promise<CardActivityRecord[]> {
    this.state.assertOpen();
    return [...this.records.values()]
      .filter((r) => r.nominationId === nominationId)
      .sort((a, b) => compareOptional(a.conversationKey, b.conversationKey))
      .map(plainCopy);
  }

  async delete(nominationId: string, conversationKey: string): Promise<void> {
    this.state.assertOpen();
    this.records.delete(keyOf(nominationId, conversationKey));
  }
}

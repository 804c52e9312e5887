/** The small stores: conversation references, audit trail, distributions, leases. */
import type { AuditRecord } from '../../audit/audit';
import type { YearDistribution } from '../../distribution/distribution';
import {
  VersionConflictError,
  type AuditStore,
  type ConversationReferenceRecord,
  type ConversationReferenceStore,
  type DistributionStore,
  type LeaseStore,
} from '../ports';
import { plainCopy } from '../plain-copy';
import { compareOptional, type MemoryState } from './memory-state';

export class MemoryConversationStore implements ConversationReferenceStore {
  private readonly records = new Map<string, ConversationReferenceRecord>();

  constructor(private readonly state: MemoryState) {}

  async upsert(record: ConversationReferenceRecord): Promise<void> {
    this.state.assertOpen();
    this.records.set(record.key, plainCopy(record));
  }

  async get(key: string): Promise<ConversationReferenceRecord | undefined> {
    this.state.assertOpen();
    const record = this.records.get(key);
    return record && plainCopy(record);
  }

  async delete(key: string): Promise<void> {
    this.state.assertOpen();
    this.records.delete(key);
  }
}

export class MemoryAuditStore implements AuditStore {
  private readonly records = new Map<string, AuditRecord>();

  constructor(private readonly state: MemoryState) {}

  async append(record: AuditRecord): Promise<void> {
    this.state.assertOpen();
    if (!this.records.has(record.id)) this.records.set(record.id, plainCopy(record));
  }

  async listForObject(objectId: string): Promise<AuditRecord[]> {
    this.state.assertOpen();
    return [...this.records.values()]
      .filter((r) => r.object.id === objectId)
      .sort((a, b) => compareOptional(a.at, b.at) || compareOptional(a.id, b.id))
      .map(plainCopy);
  }
}

export class MemoryDistributionStore implements DistributionStore {
  private readonly years = new Map<number, YearDistribution>();

  constructor(private readonly state: MemoryState) {}

  async get(year: number): Promise<YearDistribution | undefined> {
    this.state.assertOpen();
    const distribution = this.years.get(year);
    return distribution && plainCopy(distribution);
  }

  async save(distribution: YearDistribution, expectedVersion: number): Promise<YearDistribution> {
    this.state.assertOpen();
    const currentVersion = this.years.get(distribution.year)?.version ?? 0;
    if (currentVersion !== expectedVersion) {
      throw new VersionConflictError('distributions', String(distribution.year), expectedVersion);
    }
    const stored: YearDistribution = { ...plainCopy(distribution), version: expectedVersion + 1 };
    this.years.set(distribution.year, stored);
    return plainCopy(stored);
  }
}

export class MemoryLeaseStore implements LeaseStore {
  private readonly leases = new Map<string, { owner: string; until: string }>();

  constructor(private readonly state: MemoryState) {}

  async acquire(name: string, owner: string, now: string, until: string): Promise<boolean> {
    this.state.assertOpen();
    const held = this.leases.get(name);
    if (held && held.owner !== owner && held.until > now) return false;
    this.leases.set(name, { owner, until });
    return true;
  }

  async release(name: string, owner: string): Promise<void> {
    this.state.assertOpen();
    if (this.leases.get(name)?.owner === owner) this.leases.delete(name);
  }
}

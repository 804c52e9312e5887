import type { Nomination } from '../../nomination/nomination';
import {
  DuplicateKeyError,
  VersionConflictError,
  type NominationCounts,
  type NominationQuery,
  type NominationStore,
} from '../ports';
import { plainCopy } from '../plain-copy';
import { clearPending, withPendingBefore } from './memory-pending';
import { compareOptional, type MemoryState } from './memory-state';

type Window = Pick<NominationQuery, 'registeredFrom' | 'registeredBefore'>;

/** The date the registration window looks at (see NominationQuery). */
function registrationDate(n: Nomination): string {
  return n.registeredAt ?? n.createdAt;
}

function inRegistrationWindow(n: Nomination, window: Window): boolean {
  const date = registrationDate(n);
  if (window.registeredFrom !== undefined && date < window.registeredFrom) return false;
  if (window.registeredBefore !== undefined && date >= window.registeredBefore) return false;
  return true;
}

function matches(n: Nomination, q: NominationQuery): boolean {
  if (q.nominatingPartyId !== undefined && n.nominatingPartyId !== q.nominatingPartyId) return false;
  if (q.landlordId !== undefined && !n.targetLandlordIds.includes(q.landlordId)) return false;
  if (q.states !== undefined && !q.states.includes(n.state)) return false;
  if (q.type !== undefined && n.type !== q.type) return false;
  if (!inRegistrationWindow(n, q)) return false;
  if (q.closedBefore !== undefined && !(n.closedAt !== undefined && n.closedAt < q.closedBefore)) return false;
  if (q.erased !== undefined && (n.erasedAt !== undefined) !== q.erased) return false;
  return true;
}

/** Registration order (5.4), as the MongoDB adapter sorts. */
function byRegistration(a: Nomination, b: Nomination): number {
  return (
    compareOptional(a.registeredAt, b.registeredAt) ||
    compareOptional(a.createdAt, b.createdAt) ||
    compareOptional(a.id, b.id)
  );
}

export class MemoryNominationStore implements NominationStore {
  private readonly nominations = new Map<string, Nomination>();

  constructor(private readonly state: MemoryState) {}

  async insert(nomination: Omit<Nomination, 'version'>): Promise<Nomination> {
    this.state.assertOpen();
    if (this.nominations.has(nomination.id)) throw new DuplicateKeyError('nominations', nomination.id);
    const stored: Nomination = { ...plainCopy(nomination), version: 1 };
    this.nominations.set(nomination.id, stored);
    return plainCopy(stored);
  }

  async get(id: string): Promise<Nomination | undefined> {
    this.state.assertOpen();
    const nomination = this.nominations.get(id);
    return nomination && plainCopy(nomination);
  }

  async replace(next: Nomination, expectedVersion: number): Promise<Nomination> {
    this.state.assertOpen();
    if (this.nominations.get(next.id)?.version !== expectedVersion) {
      throw new VersionConflictError('nominations', next.id, expectedVersion);
    }
    const stored: Nomination = { ...plainCopy(next), version: expectedVersion + 1 };
    this.nominations.set(next.id, stored);
    return plainCopy(stored);
  }

  async find(query: NominationQuery): Promise<Nomination[]> {
    this.state.assertOpen();
    const found = [...this.nominations.values()].filter((n) => matches(n, query)).sort(byRegistration);
    const limited = query.limit === undefined ? found : found.slice(0, Math.max(0, query.limit));
    return limited.map(plainCopy);
  }

  async countByStateAndType(window: Window = {}): Promise<NominationCounts> {
    this.state.assertOpen();
    const byStateAndType: Record<string, number> = {};
    for (const n of this.nominations.values()) {
      if (!inRegistrationWindow(n, window)) continue;
      const key = `${n.state}|${n.type}`;
      byStateAndType[key] = (byStateAndType[key] ?? 0) + 1;
    }
    return { byStateAndType };
  }

  async delete(id: string): Promise<boolean> {
    this.state.assertOpen();
    return this.nominations.delete(id);
  }

  async withPendingNotifications(before: string, limit: number): Promise<Nomination[]> {
    this.state.assertOpen();
    return withPendingBefore(this.nominations.values(), before, limit);
  }

  async clearPendingNotifications(id: string, entryIds: readonly string[]): Promise<void> {
    this.state.assertOpen();
    clearPending(this.nominations.get(id), entryIds);
  }

  async findCounted(anyOf: readonly CountedCondition[]): Promise<CountedNomination[]> {
    this.state.assertOpen();
    return findCountedIn(this.nominations.values(), anyOf);
  }

  async getMany(ids: readonly string[]): Promise<Nomination[]> {
    this.state.assertOpen();
    const found = [...new Set(ids)].map((id) => this.nominations.get(id));
    return found.filter((n): n is Nomination => n !== undefined).map(plainCopy);
  }
}

// findCounted and getMany (appended; findCounted's filtering lives in memory-counted.ts).
import type { CountedCondition, CountedNomination } from '../ports';
import { findCountedIn } from './memory-counted';

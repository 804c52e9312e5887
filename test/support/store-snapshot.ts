/**
 * "Nothing changed" for security and fuzz tests, on either store adapter. A snapshot reads back
 * what a handler could have changed — every nomination, the outbox's messages by status, the year
 * distributions, the registry — plus the successful audit records written (the trail is
 * append-only; a refusal may add a denied/conflict/error record, which is the trail doing its
 * job). The wrapper also logs every write call on every collection, a check that needs no
 * read-back at all. The ports cannot list outbox messages or audit records, hence the wrapper.
 */
import type { AuditRecord } from '../../src/audit/audit';
import type { Store } from '../../src/storage/ports';

export type SnapshotPart = 'nominations' | 'outbox' | 'audit' | 'distributions' | 'parties';
/** Each part as JSON: compare all of them after a refusal, all but `audit` after a read. */
export type Snapshot = Record<SnapshotPart, string>;

export interface SnapshotStore extends Store {
  /** Everything a card action or command could have changed. */
  snapshot(): Promise<Snapshot>;
  /** Every audit record written through this store, in order (denied ones included). */
  auditWritten(): AuditRecord[];
  /**
   * Every write made through this store, as "collection.method", in order — except remembering a
   * conversation (the identity gate does that on any turn) and audit records of refusals. Cheap
   * enough to check after each of thousands of fuzz payloads, and it covers every collection.
   */
  readonly writes: readonly string[];
}

// Method names of the ports that change something; anything else only reads.
const WRITE =
  /^(insert|replace|delete|enqueue|append|save|update|upsert|record|claim|mark|reschedule|acquire|release|add|remove|create|set)/;

export function snapshotStore(inner: Store, years: readonly number[] = [2025, 2026]): SnapshotStore {
  const outboxIds = new Set<string>();
  const audit: AuditRecord[] = [];
  const writes: string[] = [];
  const onWrite = (collection: string, method: string, args: unknown[]) => {
    if (collection === 'conversations') return;
    if (collection === 'outbox' && method === 'enqueue') outboxIds.add((args[0] as { id: string }).id);
    if (collection === 'audit' && method === 'append') {
      const record = args[0] as AuditRecord;
      audit.push(record);
      if (record.result !== 'success') return;
    }
    writes.push(`${collection}.${method}`);
  };
  // Calls go to the adapter object itself (adapters may use private fields).
  const watched = <T extends object>(collection: string, target: T): T =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key, t) as unknown;
        if (typeof value !== 'function') return value;
        const fn = (value as (...args: unknown[]) => unknown).bind(t);
        if (typeof key !== 'string' || !WRITE.test(key)) return fn;
        return (...args: unknown[]) => {
          onWrite(collection, key, args);
          return fn(...args);
        };
      },
    });
  const wrapped = Object.fromEntries(
    Object.entries(inner).map(([name, value]) => [
      name,
      value !== null && typeof value === 'object' ? watched(name, value as object) : value,
    ]),
  ) as unknown as Store;
  return {
    ...wrapped,
    close: () => inner.close(),
    ping: () => inner.ping(),
    writes,
    auditWritten: () => [...audit],
    async snapshot() {
      // Audit records are append-only and idempotent: the successful ones written are the change.
      const successes = audit.filter((r) => r.result === 'success').map((r) => r.id);
      return {
        nominations: JSON.stringify(await inner.nominations.find({})),
        outbox: JSON.stringify({ messages: outboxIds.size, byStatus: await inner.outbox.countByStatus() }),
        audit: JSON.stringify([...new Set(successes)].sort()),
        distributions: JSON.stringify(await Promise.all(years.map((year) => inner.distributions.get(year)))),
        parties: JSON.stringify(await inner.parties.list()),
      };
    },
  };
}

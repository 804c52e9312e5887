import type { Store } from '../../../src/storage/ports';
import { COVENANT_PARTY_ENTRIES } from '../../../src/parties/covenant-parties';
import type { PartyKind } from '../../../src/parties/party';
import type { ChangeContext } from '../../../src/parties/registry';

export const NOW = new Date('2025-06-01T10:00:00Z');

export function context(actorId = 'system'): ChangeContext {
  return { origin: 'test', actorId, clock: () => NOW };
}

/** A seeded party of each kind, to try roles against. */
export function partyIdOfKind(kind: PartyKind): string {
  const entry = COVENANT_PARTY_ENTRIES.find((e) => e.kind === kind);
  if (!entry) throw new Error(`no covenant party of kind ${kind}`);
  return entry.id;
}

export async function auditActions(store: Store, partyId: string): Promise<string[]> {
  const records = await store.audit.listForObject(partyId);
  return records.map((r) => r.action).sort();
}

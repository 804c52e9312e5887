/**
 * The embedded in-memory Store for `npm run dev` without MONGODB_URI, and for fast tests.
 * It passes the same contract suite as the MongoDB adapter (test/src/storage/contract.test.ts).
 * Nothing survives a restart.
 */
import type { Store } from '../ports';
import { MemoryCardActivityStore } from './memory-card-activities';
import { MemoryNominationStore } from './memory-nominations';
import { MemoryOutboxStore } from './memory-outbox';
import { MemoryPartyStore } from './memory-parties';
import { MemoryAuditStore, MemoryConversationStore, MemoryDistributionStore, MemoryLeaseStore } from './memory-records';
import { MemorySignalStore } from './memory-signals';
import { MemoryState } from './memory-state';

export function createMemoryStore(): Store {
  const state = new MemoryState();
  return {
    parties: new MemoryPartyStore(state),
    nominations: new MemoryNominationStore(state),
    conversations: new MemoryConversationStore(state),
    outbox: new MemoryOutboxStore(state),
    audit: new MemoryAuditStore(state),
    distributions: new MemoryDistributionStore(state),
    leases: new MemoryLeaseStore(state),
    cardActivities: new MemoryCardActivityStore(state),
    signals: new MemorySignalStore(state),
    async ping() {
      state.assertOpen();
    },
    async close() {
      state.close();
    },
  };
}

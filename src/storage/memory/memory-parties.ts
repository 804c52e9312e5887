import type { Party } from '../../parties/party';
import { emailKey } from '../contact-email';
import { DuplicateKeyError, VersionConflictError, type PartyStore } from '../ports';
import { plainCopy } from '../plain-copy';
import type { MemoryState } from './memory-state';

export class MemoryPartyStore implements PartyStore {
  private readonly parties = new Map<string, Party>();

  constructor(private readonly state: MemoryState) {}

  async list(): Promise<Party[]> {
    this.state.assertOpen();
    return [...this.parties.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(plainCopy);
  }

  async get(id: string): Promise<Party | undefined> {
    this.state.assertOpen();
    const party = this.parties.get(id);
    return party && plainCopy(party);
  }

  async insert(party: Omit<Party, 'version'>): Promise<Party> {
    this.state.assertOpen();
    if (this.parties.has(party.id)) throw new DuplicateKeyError('parties', party.id);
    const stored: Party = { ...plainCopy(party), version: 1 };
    this.parties.set(party.id, stored);
    return plainCopy(stored);
  }

  async update(party: Party): Promise<Party> {
    this.state.assertOpen();
    const current = this.parties.get(party.id);
    if (current?.version !== party.version) throw new VersionConflictError('parties', party.id, party.version);
    const stored: Party = { ...plainCopy(party), version: party.version + 1 };
    this.parties.set(party.id, stored);
    return plainCopy(stored);
  }

  async findByContactAadObjectId(aadObjectId: string): Promise<Party | undefined> {
    return this.findFirst((party) => party.contacts.some((c) => c.aadObjectId === aadObjectId));
  }

  async findByContactEmail(email: string): Promise<Party | undefined> {
    const key = emailKey(email);
    return this.findFirst((party) => party.contacts.some((c) => emailKey(c.email) === key));
  }

  /** The match with the lowest id, so both adapters answer the same when (wrongly) several match. */
  private async findFirst(predicate: (party: Party) => boolean): Promise<Party | undefined> {
    this.state.assertOpen();
    // Looks at the stored parties in place and copies only the match (every turn resolves its user here).
    let first: Party | undefined;
    for (const party of this.parties.values()) {
      if ((first === undefined || party.id < first.id) && predicate(party)) first = party;
    }
    return first && plainCopy(first);
  }
}

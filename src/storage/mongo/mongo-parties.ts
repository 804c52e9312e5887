import type { Collection, Document } from 'mongodb';
import type { Party } from '../../parties/party';
import { emailKey } from '../contact-email';
import { DuplicateKeyError, VersionConflictError, type PartyStore } from '../ports';
import { plainCopy } from '../plain-copy';
import type { MongoContext } from './mongo-context';
import { fromDoc, toDoc, type StringIdDoc } from './mongo-documents';
import { isDuplicateKeyError } from './mongo-errors';
import { COLLECTIONS, CONTACT_EMAIL_KEYS } from './mongo-schema';

function toPartyDoc(party: Party): StringIdDoc {
  return { ...toDoc(party, 'id'), [CONTACT_EMAIL_KEYS]: party.contacts.map((c) => emailKey(c.email)) };
}

function toParty(doc: Document): Party {
  return fromDoc<Party>(doc, 'id', [CONTACT_EMAIL_KEYS]);
}

export class MongoPartyStore implements PartyStore {
  private readonly collection: Collection<StringIdDoc>;

  constructor(private readonly context: MongoContext) {
    this.collection = context.db.collection(COLLECTIONS.parties);
  }

  list(): Promise<Party[]> {
    return this.context.run(async () => (await this.collection.find().sort({ _id: 1 }).toArray()).map(toParty));
  }

  get(id: string): Promise<Party | undefined> {
    return this.findOne({ _id: id });
  }

  insert(party: Omit<Party, 'version'>): Promise<Party> {
    const stored: Party = { ...plainCopy(party), version: 1 };
    return this.context.run(async () => {
      try {
        await this.collection.insertOne(toPartyDoc(stored));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateKeyError('parties', party.id);
        throw error;
      }
      return stored;
    });
  }

  update(party: Party): Promise<Party> {
    const stored: Party = { ...plainCopy(party), version: party.version + 1 };
    return this.context.run(async () => {
      const replaced = await this.context.claims.replace(this.collection, party.id, party.version, toPartyDoc(stored));
      if (!replaced) throw new VersionConflictError('parties', party.id, party.version);
      return stored;
    });
  }

  findByContactAadObjectId(aadObjectId: string): Promise<Party | undefined> {
    return this.findOne({ 'contacts.aadObjectId': aadObjectId });
  }

  findByContactEmail(email: string): Promise<Party | undefined> {
    return this.findOne({ [CONTACT_EMAIL_KEYS]: emailKey(email) });
  }

  /** The match with the lowest id, so both adapters answer the same when (wrongly) several match. */
  private findOne(filter: Document): Promise<Party | undefined> {
    return this.context.run(async () => {
      const doc = await this.collection.findOne(filter, { sort: { _id: 1 } });
      return doc ? toParty(doc) : undefined;
    });
  }
}

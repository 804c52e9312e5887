/**
 * Where each nomination card the bot sent lives in Teams: (nomination, conversation) → the
 * activity id Teams gave it, so a later change updates that card in place instead of posting a
 * new one (DESIGN.md "Sending"). Holds ids and versions only, no personal data.
 */

/** Whose view a card shows: a landlord's (10.6: the landlord view only) or the nominating organisation's. */
export interface CardViewer {
  audience: 'landlord' | 'organisation';
  /** The landlord's or the nominating organisation's party id. */
  partyId: string;
}

export interface CardActivityRecord {
  nominationId: string;
  /** A conversation reference key: `user:${aadObjectId}` or `conversation:${id}`. */
  conversationKey: string;
  activityId: string;
  /** The nomination version the card shows; a message for this version or an older one is done. */
  version: number;
  viewer: CardViewer;
  updatedAt: string;
}

export interface CardActivityStore {
  get(nominationId: string, conversationKey: string): Promise<CardActivityRecord | undefined>;
  /**
   * Upserts, unless the stored record shows a newer version: a slow worker finishing late must not
   * point the card back at an older state. An equal version overwrites (a re-posted card).
   */
  record(record: CardActivityRecord): Promise<void>;
  /** Every card of the nomination, by conversationKey. */
  listForNomination(nominationId: string): Promise<CardActivityRecord[]>;
  delete(nominationId: string, conversationKey: string): Promise<void>;
}

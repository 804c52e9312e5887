/**
 * Audit trail (DESIGN.md "Who may see what", BIO 8.15.01): every read and change of a
 * nomination. No personal data: the object is referred to by id only.
 */
export interface AuditRecord {
  /** Unique: a retried write of the same event is stored once. */
  id: string;
  at: string;
  /** e.g. "nomination.transition:acknowledge", "nomination.read:landlord-view". */
  action: string;
  object: { type: 'nomination' | 'party' | 'distribution' | 'signal'; id: string };
  result: 'success' | 'denied' | 'conflict' | 'error';
  /** Where the request came from: "teams", "scheduler", "retention", "seed", "test". */
  origin: string;
  /** Contact id (never a name or e-mail). */
  actorId: string;
}

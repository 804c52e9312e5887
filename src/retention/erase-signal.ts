/**
 * A signal (8.1, 8.2, 10.5) loses its personal data with its tenancy's nomination: a signal is
 * passed "direct aan elkaar" (8.2) for the tenancy's sake, and the platform only ever counts
 * them (10.2), so once the nomination's person is erased nothing of the signal is needed beyond
 * what those counts read.
 *
 * What stays: the ids of the signal, the nomination and the parties (the erased nomination keeps
 * those too), the kind and sentAt (src/digest/signal-counts.ts counts by kind per week, so past
 * weeks keep their counts), the sides, and when it was acknowledged. What goes: the note, the
 * arrears' amount and date, and the contact ids of the sender and the acknowledger (the audit
 * trail keeps who did what, BIO 8.15.01).
 *
 * Built by picking what stays, as erasePersonalData is: a field added to Signal later is erased
 * without anyone remembering to list it here.
 */
import type { Signal } from '../signals/signal';

export function eraseSignalPersonalData(signal: Signal, now: Date): Signal {
  const s = signal;
  return {
    id: s.id,
    version: s.version,
    nominationId: s.nominationId,
    kind: s.kind,
    from: { side: s.from.side, partyId: s.from.partyId, contactId: '' },
    to: { side: s.to.side, partyId: s.to.partyId },
    sentAt: s.sentAt,
    // Kept as acknowledged: a receiver's old card cannot put a contact id back on it.
    ...(s.acknowledgement ? { acknowledgement: { contactId: '', at: s.acknowledgement.at } } : {}),
    erasedAt: s.erasedAt ?? now.toISOString(),
  };
}

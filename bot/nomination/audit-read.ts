/**
 * Every read of a nomination goes to the audit trail (DESIGN.md, BIO 8.15.01): who, what, when,
 * with which result, by ids only. One record per request and nomination, so a retried card
 * action is the same read.
 */
import type { AuditRecord } from '../../src/audit/audit';
import type { BotDeps } from '../deps';
import type { NominationTurn } from './nomination-turn';

export async function auditRead(
  deps: BotDeps,
  turn: Pick<NominationTurn, 'actor' | 'requestId'>,
  nominationIds: readonly string[],
  view: string,
  result: AuditRecord['result'] = 'success',
): Promise<void> {
  const at = deps.clock().toISOString();
  for (const id of nominationIds) {
    await deps.store.audit.append({
      id: `${id}:read:${view}:${turn.requestId}:${turn.actor.contactId}`,
      at,
      action: `nomination.read:${view}`,
      object: { type: 'nomination', id },
      result,
      origin: 'teams',
      actorId: turn.actor.contactId,
    });
  }
}

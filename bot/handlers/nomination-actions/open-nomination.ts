/**
 * "Open" on a queue entry (or any card that names a nomination): the status card for the one who
 * asks — the landlord view for a landlord the nomination is addressed to, the organisation view for
 * the nominating organisation, nothing for anyone else. Each read is audited (BIO 8.15.01).
 */
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../../deps';
import { textsFor } from '../../i18n/texts';
import { identityOf } from '../../identity';
import { statusCardFor } from '../../nomination-card/load-status-card';
import { viewerOf } from '../../nomination-card/viewer';
import type { ActionAnswer } from './answer';
import { readOpenData } from './step-data';

export async function openNomination(context: TurnContext, deps: BotDeps, raw: unknown): Promise<ActionAnswer> {
  const texts = textsFor(context.activity.locale);
  const a = texts.nominationStatus.answers;
  const request = readOpenData(raw);
  if (!request) return { text: a.unreadable };
  const identity = identityOf(context);
  const viewer = viewerOf(identity);
  const nomination = await deps.store.nominations.get(request.nominationId);
  const card = nomination && viewer ? await statusCardFor(deps, nomination, viewer, texts) : undefined;
  await deps.store.audit.append({
    // One record per request: a retried invoke is the same read.
    id: `${request.nominationId}:read:${context.activity.id ?? deps.clock().toISOString()}:${identity.contact.id}`,
    at: deps.clock().toISOString(),
    action: `nomination.read:${viewer?.audience === 'landlord' ? 'landlord-view' : 'organisation-view'}`,
    object: { type: 'nomination', id: request.nominationId },
    result: card ? 'success' : nomination ? 'denied' : 'error',
    origin: 'teams',
    actorId: identity.contact.id,
  });
  if (!nomination) return { text: a.notFound };
  return card ? { card } : { text: a.cannotView };
}

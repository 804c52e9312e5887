/**
 * Sends and updates a card in a conversation the bot is not in a turn of: through the adapter's
 * continueConversationAsync with the stored reference and the bot's app id. Failures come back
 * as a DeliveryError with the HTTP status and Retry-After, for the worker to decide on.
 */
import { MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { CardAttachment } from '../../cards/render';

export interface ProactiveSender {
  /** Posts a new message; returns the activity id Teams gave it. */
  post(reference: Partial<ConversationReference>, card: CardAttachment): Promise<{ activityId: string }>;
  update(reference: Partial<ConversationReference>, activityId: string, card: CardAttachment): Promise<void>;
}

export class DeliveryError extends Error {
  constructor(
    /** HTTP status from Teams; undefined for a network error. */
    readonly status: number | undefined,
    /** Retry-After in milliseconds, where Teams gave one. */
    readonly retryAfterMs: number | undefined,
    cause: unknown,
  ) {
    super(`delivery failed${status === undefined ? '' : ` with ${status}`}`, { cause });
    this.name = 'DeliveryError';
  }
}

/** The part of botbuilder's adapter this needs (TeamsAdapter has it). */
export interface ContinuingAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/** The part of botframework-connector's ConnectorClient used here. */
interface Conversations {
  sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<unknown>;
}
interface ConnectorClientLike {
  conversations: Conversations;
  client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } };
}

export class AdapterProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: ContinuingAdapter,
    /** The bot's app id; empty in local mode. */
    private readonly botAppId: string,
  ) {}

  async post(reference: Partial<ConversationReference>, card: CardAttachment): Promise<{ activityId: string }> {
    const result = await this.run(reference, card, (conversations, conversationId, activity) =>
      conversations.sendToConversation(conversationId, activity),
    );
    const activityId = (result as { id?: string } | undefined)?.id;
    if (!activityId) throw new DeliveryError(undefined, undefined, new Error('Teams returned no activity id'));
    return { activityId };
  }

  async update(reference: Partial<ConversationReference>, activityId: string, card: CardAttachment): Promise<void> {
    await this.run(reference, card, (conversations, conversationId, activity) =>
      conversations.updateActivity(conversationId, activityId, { ...activity, id: activityId }),
    );
  }

  private async run(
    reference: Partial<ConversationReference>,
    card: CardAttachment,
    call: (conversations: Conversations, conversationId: string, activity: Partial<Activity>) => Promise<unknown>,
  ): Promise<unknown> {
    const conversationId = reference.conversation?.id;
    if (!conversationId) throw new DeliveryError(404, undefined, new Error('reference without conversation'));
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        // Caught here: a throw would reach the app's turn-error handler, which answers the user.
        try {
          const client = context.turnState.get<ConnectorClientLike>(context.adapter.ConnectorClientKey);
          withoutSdkRetries(client);
          // A new message in the conversation, not a reply to the continuation's made-up activity id.
          const activity = TurnContext.applyConversationReference(MessageFactory.attachment(card), reference);
          delete activity.replyToId;
          outcome = { ok: true, value: await call(client.conversations, conversationId, activity) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      });
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!outcome) throw new DeliveryError(undefined, undefined, new Error('the send did not run'));
    if (!outcome.ok) throw toDeliveryError(outcome.error);
    return outcome.value;
  }
}

/**
 * The connector's HTTP pipeline retries 429 and 5xx itself, sleeping out Retry-After inside the
 * call. The worker does that (with pacing and a lease it must not outlive), so the client's own
 * retry policies go: one call, one attempt.
 */
function withoutSdkRetries(client: ConnectorClientLike): void {
  client.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as {
    statusCode?: unknown;
    response?: { status?: unknown; headers?: { get?(name: string): string | undefined } };
  };
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  return new DeliveryError(status, retryAfterMs(e.response?.headers?.get?.('retry-after')), error);
}

/** Retry-After as seconds ("120") or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

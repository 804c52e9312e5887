/**
 * Counts the outbox worker's sends for /metrics without touching the worker: a ProactiveSender
 * that times and classifies each call of the one it wraps, and passes results and errors on as
 * they are.
 */
import type { CardAttachment } from '../cards/render';
import type { ConversationReference } from 'botbuilder';
import type { BotMetrics, DeliveryOperation } from './metrics';
import { DeliveryError, type ProactiveSender } from './outbox/proactive-sender';

export class MeteredProactiveSender implements ProactiveSender {
  constructor(
    private readonly inner: ProactiveSender,
    private readonly metrics: Pick<BotMetrics, 'deliveryAttempted'>,
  ) {}

  post(reference: Partial<ConversationReference>, card: CardAttachment): Promise<{ activityId: string }> {
    return this.measure('post', () => this.inner.post(reference, card));
  }

  update(reference: Partial<ConversationReference>, activityId: string, card: CardAttachment): Promise<void> {
    return this.measure('update', () => this.inner.update(reference, activityId, card));
  }

  private async measure<T>(operation: DeliveryOperation, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await call();
      this.metrics.deliveryAttempted(operation, (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      // The worker treats anything but a DeliveryError as "no answer": so do the metrics.
      const status = error instanceof DeliveryError ? error.status : undefined;
      this.metrics.deliveryAttempted(operation, (performance.now() - started) / 1000, { status });
      throw error;
    }
  }
}

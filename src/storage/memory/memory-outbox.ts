import type { OutboxMessage } from '../../outbox/outbox';
import type { OutboxStore } from '../ports';
import { plainCopy } from '../plain-copy';
import { compareOptional, type MemoryState } from './memory-state';

function isClaimable(m: OutboxMessage, now: string): boolean {
  if (m.status === 'pending') return m.notBefore <= now;
  // A worker that died mid-send leaves 'sending' behind; its lease running out frees the message.
  return m.status === 'sending' && m.leaseUntil !== undefined && m.leaseUntil <= now;
}

/** Not yet final: such a message holds back the later messages of its conversation. */
function isUnsent(m: OutboxMessage): boolean {
  return m.status === 'pending' || m.status === 'sending';
}

/** Enqueue order, as in a conversation: createdAt, then id. */
function enqueuedBefore(a: OutboxMessage, b: OutboxMessage): boolean {
  return (compareOptional(a.createdAt, b.createdAt) || compareOptional(a.id, b.id)) < 0;
}

function oldestFirst(a: OutboxMessage, b: OutboxMessage): number {
  return (
    compareOptional(a.notBefore, b.notBefore) ||
    compareOptional(a.createdAt, b.createdAt) ||
    compareOptional(a.id, b.id)
  );
}

export class MemoryOutboxStore implements OutboxStore {
  private readonly messages = new Map<string, OutboxMessage>();

  constructor(private readonly state: MemoryState) {}

  async enqueue(message: Omit<OutboxMessage, 'status' | 'attempts'>): Promise<boolean> {
    this.state.assertOpen();
    if (this.messages.has(message.id)) return false;
    this.messages.set(message.id, { ...plainCopy(message), status: 'pending', attempts: 0 });
    return true;
  }

  async claimNext(now: string, leaseUntil: string): Promise<OutboxMessage | undefined> {
    this.state.assertOpen();
    // In order per conversation: only each conversation's first unsent message may go.
    const firstUnsent = new Map<string, OutboxMessage>();
    for (const m of this.messages.values()) {
      const first = firstUnsent.get(m.conversationKey);
      if (isUnsent(m) && (!first || enqueuedBefore(m, first))) firstUnsent.set(m.conversationKey, m);
    }
    const [oldest] = [...firstUnsent.values()].filter((m) => isClaimable(m, now)).sort(oldestFirst);
    if (!oldest) return undefined;
    oldest.status = 'sending';
    oldest.leaseUntil = leaseUntil;
    return plainCopy(oldest);
  }

  async markSent(id: string, at: string): Promise<void> {
    this.change(id, (m) => {
      m.status = 'sent';
      m.sentAt = at;
    });
  }

  async reschedule(id: string, notBefore: string, error: string): Promise<void> {
    this.change(id, (m) => {
      m.status = 'pending';
      m.notBefore = notBefore;
      m.lastError = error;
      m.attempts += 1;
    });
  }

  async markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void> {
    this.change(id, (m) => {
      m.status = status;
      m.lastError = error;
      m.attempts += 1;
    });
  }

  async get(id: string): Promise<OutboxMessage | undefined> {
    this.state.assertOpen();
    const message = this.messages.get(id);
    return message && plainCopy(message);
  }

  async countByStatus(): Promise<Record<string, number>> {
    this.state.assertOpen();
    const counts: Record<string, number> = {};
    for (const m of this.messages.values()) counts[m.status] = (counts[m.status] ?? 0) + 1;
    return counts;
  }

  /** Every change ends the claim; an unknown id is ignored, as an update matching nothing in MongoDB. */
  private change(id: string, apply: (message: OutboxMessage) => void): void {
    this.state.assertOpen();
    const message = this.messages.get(id);
    if (!message) return;
    apply(message);
    delete message.leaseUntil;
  }
}

/**
 * Per-conversation pacing under Teams' limit of 7 messages a second per thread (DESIGN.md
 * "Sending"). Per process: several bot instances each pace their own sends, which is why the
 * worker still honours 429 and Retry-After.
 */
export const SENDS_PER_SECOND_PER_CONVERSATION = 7;
const WINDOW_MS = 1000;

export class ConversationPacer {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly perSecond: number = SENDS_PER_SECOND_PER_CONVERSATION,
  ) {}

  /** Waits until one more send to `conversationKey` stays within the limit, and counts it. */
  async waitTurn(conversationKey: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const sent = (this.recent.get(conversationKey) ?? []).filter((at) => at > now - WINDOW_MS);
      const oldest = sent[0];
      if (sent.length < this.perSecond || oldest === undefined) {
        sent.push(now);
        this.recent.set(conversationKey, sent);
        this.forgetQuietConversations(now);
        return;
      }
      this.recent.set(conversationKey, sent);
      await this.sleep(oldest + WINDOW_MS - now);
    }
  }

  /** Keeps the map from growing with every conversation ever served. */
  private forgetQuietConversations(now: number): void {
    if (this.recent.size < 1000) return;
    for (const [key, times] of this.recent) if (times.every((at) => at <= now - WINDOW_MS)) this.recent.delete(key);
  }
}

/**
 * Pacing under Teams' rate limits (DESIGN.md "Sending"). Teams limits a bot per conversation
 * ("per bot per thread") to 7 sends a second, but also to 8 in any 2 seconds, 60 in 30 and 1800
 * an hour, and all its conversations in a tenant to 50 requests a second: pacing only the first
 * still earned a 429 on the 9th message of a burst. Per process: several bot instances each pace
 * their own sends, which is why the worker still honours 429 and Retry-After.
 */
export interface RateWindow {
  ms: number;
  max: number;
}

/** learn.microsoft.com, "Optimize your bot with rate limiting in Teams": per bot per thread. */
export const PER_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
];
/** The same page: the global limit per app per tenant. */
export const GLOBAL_LIMITS: readonly RateWindow[] = [{ ms: 1_000, max: 50 }];

const GLOBAL_KEY = '\u0000all';

export class ConversationPacer {
  /** Send times per conversation (and GLOBAL_KEY), oldest first, within the longest window. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly perConversation: readonly RateWindow[] = PER_CONVERSATION_LIMITS,
    private readonly global: readonly RateWindow[] = GLOBAL_LIMITS,
  ) {}

  /**
   * Waits until one more send to `conversationKey` stays within every limit, and counts it. Call the
   * function it returns when the call to Teams has finished (answered or failed): the send then counts
   * from that moment. Teams counts a call when it arrives, which is after it started here; counted
   * from its start, a slow call (a new connection) still fell inside Teams' window when the send that
   * follows it a window later arrived, and earned a 429 (bench/outbox.ts showed 1–11 per run).
   */
  async waitTurn(conversationKey: string): Promise<() => void> {
    for (;;) {
      const now = this.now();
      const own = this.sendsWithin(conversationKey, this.perConversation, now);
      const all = this.sendsWithin(GLOBAL_KEY, this.global, now);
      const wait = Math.max(waitFor(own, this.perConversation, now), waitFor(all, this.global, now));
      if (wait <= 0) {
        own.push(now);
        all.push(now);
        this.forgetQuietConversations(now);
        return () => this.finished([conversationKey, GLOBAL_KEY], now);
      }
      await this.sleep(wait);
    }
  }

  /** Moves a send counted at `startedAt` to now, when its call has finished. */
  private finished(keys: readonly string[], startedAt: number): void {
    const now = this.now();
    if (now <= startedAt) return;
    for (const key of keys) {
      const times = this.recent.get(key);
      const at = times?.lastIndexOf(startedAt) ?? -1;
      if (!times || at < 0) continue;
      times[at] = now;
      times.sort((a, b) => a - b);
    }
  }

  /** This key's send times still inside its longest window (older ones dropped). */
  private sendsWithin(key: string, windows: readonly RateWindow[], now: number): number[] {
    const longest = Math.max(...windows.map((w) => w.ms));
    const kept = (this.recent.get(key) ?? []).filter((at) => at > now - longest);
    this.recent.set(key, kept);
    return kept;
  }

  /** Keeps the map from growing with every conversation ever served. */
  private forgetQuietConversations(now: number): void {
    if (this.recent.size < 1000) return;
    const longest = Math.max(...this.perConversation.map((w) => w.ms));
    for (const [key, times] of this.recent) if (times.every((at) => at <= now - longest)) this.recent.delete(key);
  }
}

/** How long until one more send fits every window: the `max`-th latest send must leave the window. */
function waitFor(times: readonly number[], windows: readonly RateWindow[], now: number): number {
  let wait = 0;
  for (const { ms, max } of windows) {
    const inWindow = times.filter((at) => at > now - ms);
    const blocking = inWindow[inWindow.length - max];
    if (inWindow.length >= max && blocking !== undefined) wait = Math.max(wait, blocking + ms - now);
  }
  return wait;
}

/**
 * The loop every scheduled job shares: tick now (work missed while the bot was down is done at
 * once), then `tickMs` after each tick ENDS, so a slow database never piles ticks up. A failed
 * tick is logged by name only (never its data) and the loop goes on.
 */
import type { Logger } from 'pino';

export class Ticker {
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(tickMs: number): void {
    if (this.started) return;
    this.started = true;
    const loop = () => {
      this.running = this.tick()
        .catch((error: unknown) => {
          const err = error instanceof Error ? { name: error.name, message: error.message } : {};
          this.logger.warn({ err }, `${this.name} tick failed`);
        })
        .finally(() => {
          if (!this.started) return;
          this.timer = setTimeout(loop, tickMs);
          this.timer.unref();
        });
    };
    loop();
  }

  /** Stops the loop and waits for a running tick. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await this.running;
  }
}

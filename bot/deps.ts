/** What handlers need from the running bot; built once by startBot and passed to every handler. */
import type { Store } from '../src/storage/ports';
import type { Clock } from '../src/time/dates';
import type { BotConfig } from './config';
import type { Logger } from './logger';

export interface BotDeps {
  config: BotConfig;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** How long a card action waits for the database before answering "bezig" (default 5 s). */
  cardActionBudgetMs?: number;
}

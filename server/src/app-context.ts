import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { HomeroomPubSub } from './pubsub.js';

/** What every long-lived part of the process shares: built once in main, passed down. */
export interface AppContext {
  config: Config;
  ds: DataSource;
  logger: Logger;
  pubsub: HomeroomPubSub;
  /** Resources to release when the process is done with the app (after the DataSource). */
  closers?: Array<() => Promise<void>>;
}

import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { HomeroomPubSub } from './events/pubsub.js';
import type { District } from './roster/district.entity.js';

/**
 * What sync/ triggers in the layers above it (jobs/, notify/): imports run one way, so sync
 * calls these hooks and the process wires them where it is assembled (cli/app-hooks.ts).
 * Absent, nothing is triggered (a bare context in a test or a tool).
 */
export interface AppHooks {
  /** A run ended (LAUNCHED, FAILED or CANCELLED, or recovered): its email to the district's subscribers. */
  runFinished(app: AppContext, runId: number): Promise<void>;
  /** A district was created or its schedule or sync settings changed: its repeating job. Returns the next scheduled sync. */
  districtChanged(app: AppContext, district: District): Promise<Date | null>;
}

/** What every long-lived part of the process shares: built once in main, passed down. */
export interface AppContext {
  config: Config;
  ds: DataSource;
  logger: Logger;
  pubsub: HomeroomPubSub;
  /** Resources to release when the process is done with the app (after the DataSource). */
  closers?: Array<() => Promise<void>>;
  hooks?: AppHooks;
}

import type { DataSource } from 'typeorm';
import type { AppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/data-source.js';
import { createLogger } from '../logger.js';
import { createAppPubSub } from '../events/pubsub.js';
import { APP_HOOKS } from './app-hooks.js';

/** Opens the configured database (migrating it) and builds the app context a command needs. */
export async function openApp(env: Record<string, string | undefined>, options: { quietLogs?: boolean } = {}): Promise<AppContext> {
  const config = loadConfig(env);
  const logger = createLogger(options.quietLogs && !env.LOG_LEVEL ? 'warn' : config.logLevel, { stderr: options.quietLogs });
  const ds: DataSource = await openDatabase(config.databaseUrl);
  const { pubsub, close } = await createAppPubSub(config.redisUrl);
  return { config, ds, logger, pubsub, closers: [close], hooks: APP_HOOKS };
}

export async function closeApp(app: AppContext): Promise<void> {
  if (app.ds.isInitialized) await app.ds.destroy();
  for (const close of app.closers ?? []) await close().catch(() => undefined);
}

import type { DataSource } from 'typeorm';
import type { AppContext } from '../../src/app-context.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createHomeroomPubSub } from '../../src/events/pubsub.js';
import { APP_HOOKS } from '../../src/cli/app-hooks.js';

/** A minimal AppContext over an open DataSource for job tests (and their worker processes). */
export function jobsTestApp(ds: DataSource, overrides: Partial<Config> = {}): AppContext {
  const config: Config = {
    nodeEnv: 'test',
    databaseUrl: 'sqlite::memory:',
    port: 0,
    redisUrl: null,
    secretKey: Buffer.from('jobs-test-secret-key-0123456789ab'),
    logLevel: 'silent',
    dataDir: '/tmp',
    smtpUrl: null,
    publicUrl: 'http://localhost',
    tokenRateLimit: 600,
    runDetailRetentionDays: 90,
    runHeartbeatTimeoutSeconds: 60,
    jobLockLifetimeMs: 30_000,
    jobPollMs: 5000,
    workerConcurrency: 4,
    syncThreadHeapMb: 128,
    syncThreadNice: 10,
    syncGiveWaySelectsPerSecond: 300,
    allowedOrigins: [],
    metricsToken: null,
    exposeErrorDetails: false,
    trustProxy: null,
    ...overrides,
  };
  return { config, ds, logger: createLogger(config.logLevel), pubsub: createHomeroomPubSub(), hooks: APP_HOOKS };
}

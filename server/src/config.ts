import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './errors.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  nodeEnv: string;
  databaseUrl: string;
  port: number;
  redisUrl: string | null;
  /** 32-byte key that encrypts source credentials at rest. */
  secretKey: Buffer;
  logLevel: LogLevel;
  dataDir: string;
  smtpUrl: string | null;
  publicUrl: string;
  /** GraphQL requests per minute one partner API token may make. */
  tokenRateLimit: number;
  /** Days sync changes and issues are kept; the partner change feed cannot reach further back. */
  runDetailRetentionDays: number;
  /**
   * A run whose process has not written its heartbeat (every second) for this long is
   * recovered — failed "interrupted" — by any process that looks (RUN_HEARTBEAT_TIMEOUT_SECONDS).
   */
  runHeartbeatTimeoutSeconds: number;
  /** A job lock older than this is taken over by another worker (a dead worker's runs). */
  jobLockLifetimeMs: number;
  /** How often an idle worker looks for due jobs (Redis notifications wake it sooner). */
  jobPollMs: number;
  /** Jobs one worker process runs at once (and the most it locks). */
  workerConcurrency: number;
  /** JavaScript heap of one sync thread: a sync holds one batch at a time, so this bounds memory without slowing it. */
  syncThreadHeapMb: number;
  /** Nice value of each sync thread (0–19): the API's threads win the CPU from a running sync. */
  syncThreadNice: number;
  /**
   * MySQL/MariaDB: SELECTs per second from all clients above which a sync gives way (pauses
   * between its steps as long as they took); 0: never.
   */
  syncGiveWaySelectsPerSecond: number;
  /** Browser origins besides PUBLIC_URL's that may open the GraphQL websocket. */
  allowedOrigins: string[];
  /** Bearer that GET /metrics requires; null leaves /metrics open. */
  metricsToken: string | null;
  /** Development switch: stack traces in GraphQL error answers (never by default). */
  exposeErrorDetails: boolean;
  /** Express "trust proxy": which proxies' X-Forwarded-For gives the client address (null: none). */
  trustProxy: string | null;
}

type Env = Record<string, string | undefined>;

function readPort(env: Env): number {
  const raw = env.PORT ?? '4000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function readDatabaseUrl(env: Env, dataDir: string): string {
  const url = env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'homeroom.sqlite')}`;
  if (!/^sqlite:.+/.test(url) && !/^mysql:\/\/.+/.test(url) && !/^mariadb:\/\/.+/.test(url)) {
    throw new ConfigError(`DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db, got "${url}"`);
  }
  return url;
}

function readRedisUrl(env: Env): string | null {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\/.+/.test(url)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${url}"`);
  return url;
}

function readSecretKey(env: Env, nodeEnv: string, dataDir: string): Buffer {
  const raw = env.SECRET_KEY?.trim();
  if (raw) {
    if (raw.length < 16) throw new ConfigError('SECRET_KEY must be at least 16 characters');
    return Buffer.from(raw, 'utf8');
  }
  if (nodeEnv === 'production') {
    throw new ConfigError('SECRET_KEY is required when NODE_ENV=production (it encrypts district source credentials)');
  }
  // Development: generate once and keep it beside the database so credentials stay readable.
  const file = resolve(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

function readLogLevel(env: Env): LogLevel {
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return level;
}

function readWholeNumber(env: Env, name: string, fallback: number, min: number, unit: string): number {
  const raw = env[name]?.trim() || String(fallback);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of ${unit} (≥ ${min}), got "${raw}"`);
  return n;
}

function readNice(env: Env): number {
  const n = readWholeNumber(env, 'SYNC_THREAD_NICE', 10, 0, 'nice levels');
  if (n > 19) throw new ConfigError(`SYNC_THREAD_NICE must be 0 to 19, got "${n}"`);
  return n;
}

function readOrigins(env: Env): string[] {
  const raw = env.ALLOWED_ORIGINS?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new ConfigError(`ALLOWED_ORIGINS must be a comma-separated list of origins like https://admin.example.org, got "${o}"`);
      }
    });
}

/** Reads and validates every setting once. Throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const port = readPort(env);
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/.+/.test(smtpUrl)) throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl}"`);
  const rawLimit = env.TOKEN_RATE_LIMIT ?? '600';
  const tokenRateLimit = Number(rawLimit);
  if (!Number.isInteger(tokenRateLimit) || tokenRateLimit < 1)
    throw new ConfigError(`TOKEN_RATE_LIMIT must be a whole number of requests per minute (≥ 1), got "${rawLimit}"`);
  const rawRetention = env.RUN_DETAIL_RETENTION_DAYS ?? '90';
  const runDetailRetentionDays = Number(rawRetention);
  if (!Number.isInteger(runDetailRetentionDays) || runDetailRetentionDays < 1)
    throw new ConfigError(`RUN_DETAIL_RETENTION_DAYS must be a whole number of days (≥ 1), got "${rawRetention}"`);
  const rawHeartbeat = env.RUN_HEARTBEAT_TIMEOUT_SECONDS ?? '60';
  const runHeartbeatTimeoutSeconds = Number(rawHeartbeat);
  if (!Number.isInteger(runHeartbeatTimeoutSeconds) || runHeartbeatTimeoutSeconds < 3) {
    throw new ConfigError(`RUN_HEARTBEAT_TIMEOUT_SECONDS must be a whole number of seconds (≥ 3), got "${rawHeartbeat}"`);
  }
  return {
    nodeEnv,
    runDetailRetentionDays,
    tokenRateLimit,
    runHeartbeatTimeoutSeconds,
    dataDir,
    port,
    databaseUrl: readDatabaseUrl(env, dataDir),
    redisUrl: readRedisUrl(env),
    secretKey: readSecretKey(env, nodeEnv, dataDir),
    logLevel: readLogLevel(env),
    smtpUrl,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    jobLockLifetimeMs: readWholeNumber(env, 'JOB_LOCK_LIFETIME_SECONDS', 30, 5, 'seconds') * 1000,
    jobPollMs: readWholeNumber(env, 'JOB_POLL_SECONDS', 5, 1, 'seconds') * 1000,
    workerConcurrency: readWholeNumber(env, 'WORKER_CONCURRENCY', 4, 1, 'jobs'),
    syncThreadHeapMb: readWholeNumber(env, 'SYNC_THREAD_HEAP_MB', 128, 32, 'MB'),
    syncThreadNice: readNice(env),
    syncGiveWaySelectsPerSecond: readWholeNumber(env, 'SYNC_GIVE_WAY_SELECTS', 300, 0, 'SELECTs per second'),
    allowedOrigins: readOrigins(env),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    trustProxy: env.TRUST_PROXY?.trim() || null,
    exposeErrorDetails: ['1', 'true', 'yes'].includes((env.HOMEROOM_DEBUG_ERRORS ?? '').trim().toLowerCase()),
  };
}

import { destination, pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';
import { safeDbError } from './db/db-error.js';

export type { Logger };

/** A logged error: a failed query shows its code and table only (its SQL and parameters hold roster values). */
function serializeError(err: unknown): unknown {
  const db = safeDbError(err);
  if (db) return db;
  return err instanceof Error ? stdSerializers.err(err) : err;
}

/**
 * Log fields that can hold secrets (passwords, tokens, cookies, request bodies and
 * variables) are replaced by "[redacted]" wherever they appear, one level deep or at the top.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'body',
  '*.body',
  'variables',
  '*.variables',
  'connectionParams',
  '*.connectionParams',
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'request.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'clientSecret',
  '*.clientSecret',
  'privateKey',
  '*.privateKey',
];

/**
 * JSON logs, to stdout for servers; commands log to stderr so their own output (e.g.
 * `sync --json`) stays clean. Child loggers carry districtId / runId.
 */
export function createLogger(level: LogLevel = 'info', options: { stderr?: boolean; stream?: DestinationStream } = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'homeroom' },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.stream ?? destination(options.stderr ? 2 : 1),
  );
}

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
 * JSON logs, to stdout for servers; commands log to stderr so their own output (e.g.
 * `sync --json`) stays clean. Child loggers carry districtId / runId.
 */
export function createLogger(level: LogLevel = 'info', options: { stderr?: boolean; stream?: DestinationStream } = {}): Logger {
  return pino(
    { level, base: { service: 'homeroom' }, serializers: { err: serializeError, error: serializeError } },
    options.stream ?? destination(options.stderr ? 2 : 1),
  );
}

import { destination, pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * JSON logs, to stdout for servers; commands log to stderr so their own output (e.g.
 * `sync --json`) stays clean. Child loggers carry districtId / runId.
 */
export function createLogger(level: LogLevel = 'info', options: { stderr?: boolean } = {}): Logger {
  return pino({ level, base: { service: 'homeroom' } }, destination(options.stderr ? 2 : 1));
}

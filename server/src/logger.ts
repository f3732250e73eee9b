import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** JSON logs to stdout; child loggers carry districtId / runId. */
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({ level, base: { service: 'homeroom' } });
}

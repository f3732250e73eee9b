import { CronExpressionParser } from 'cron-parser';
import { ValidationError } from '../errors.js';

export function validateTimezone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new ValidationError(`Unknown timezone "${tz}" (use an IANA name such as America/Chicago)`);
  }
}

export function validateCron(cron: string, tz = 'UTC'): void {
  if ((cron ?? '').trim().split(/\s+/).length !== 5)
    throw new ValidationError(`Invalid schedule "${cron}": expected 5 cron fields (minute hour day month weekday), e.g. "0 2 * * *"`);
  try {
    CronExpressionParser.parse(cron, { tz });
  } catch (e) {
    throw new ValidationError(`Invalid schedule "${cron}": ${(e as Error).message}`);
  }
}

/**
 * A district schedule: a 5-field cron expression in an IANA timezone. Throws a ValidationError
 * with a readable message (`Invalid schedule "* *": expected 5 cron fields …`, `Unknown timezone "Mars/Base" …`).
 */
export function validateSchedule(cron: string, timezone: string): void {
  validateTimezone(timezone);
  validateCron(cron, timezone);
}

/** True for a real calendar date as YYYY-MM-DD (2026-02-30 is not one: Date would roll it over). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function validateDate(value: string, what: string): void {
  if (!isCalendarDate(value)) {
    throw new ValidationError(`${what} must be a real date as YYYY-MM-DD, got "${value}"`);
  }
}

import { CronExpressionParser } from 'cron-parser';

/** A setting the caller gave is not acceptable; the message says which and why. */
export class ValidationError extends Error {}

export function validateTimezone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new ValidationError(`Unknown timezone "${tz}" (use an IANA name such as America/Chicago)`);
  }
}

export function validateCron(cron: string, tz = 'UTC'): void {
  if (cron.trim().split(/\s+/).length !== 5) throw new ValidationError(`Invalid schedule "${cron}": expected 5 cron fields (minute hour day month weekday), e.g. "0 2 * * *"`);
  try {
    CronExpressionParser.parse(cron, { tz });
  } catch (e) {
    throw new ValidationError(`Invalid schedule "${cron}": ${(e as Error).message}`);
  }
}

export function validateDate(value: string, what: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ValidationError(`${what} must be a date as YYYY-MM-DD, got "${value}"`);
  }
}

import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';

/** A district schedule that cannot be used; the message says why. */
export class ScheduleError extends Error {}

/**
 * Checks a 5-field cron expression and an IANA timezone, throwing a ScheduleError with a
 * readable message (`Invalid schedule "* *": expected 5 cron fields …`, `Unknown timezone "Mars/Base" …`).
 */
export function validateSchedule(cron: string, timezone: string): void {
  if (!timezone || !DateTime.local().setZone(timezone).isValid) {
    throw new ScheduleError(`Unknown timezone "${timezone}" (use an IANA name such as America/Chicago)`);
  }
  const fields = (cron ?? '').trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    throw new ScheduleError(`Invalid schedule "${cron}": expected 5 cron fields (minute hour day-of-month month day-of-week), e.g. "0 2 * * *"`);
  }
  try {
    CronExpressionParser.parse(cron, { tz: timezone }).next();
  } catch (e) {
    throw new ScheduleError(`Invalid schedule "${cron}": ${(e as Error).message}`);
  }
}

/** The next `count` run times of a schedule after `from` (exclusive), as UTC instants. */
export function nextRunTimes(cron: string, timezone: string, from: Date = new Date(), count = 5): Date[] {
  validateSchedule(cron, timezone);
  const expression = CronExpressionParser.parse(cron, { tz: timezone, currentDate: from });
  const times: Date[] = [];
  for (let i = 0; i < count; i++) times.push(expression.next().toDate());
  return times;
}

/** Today's date (YYYY-MM-DD) in a timezone. */
export function localDate(timezone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
}

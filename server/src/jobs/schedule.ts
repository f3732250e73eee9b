import { CronExpressionParser } from 'cron-parser';
import { validateSchedule } from '../roster/district-settings.validation.js';

/** The next `count` run times of a schedule after `from` (exclusive), as UTC instants. */
export function nextRunTimes(cron: string, timezone: string, from: Date = new Date(), count = 5): Date[] {
  validateSchedule(cron, timezone);
  const expression = CronExpressionParser.parse(cron, { tz: timezone, currentDate: from });
  const times: Date[] = [];
  for (let i = 0; i < count; i++) times.push(expression.next().toDate());
  return times;
}

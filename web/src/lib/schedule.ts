import { CronExpressionParser } from 'cron-parser';

/** Next time the district's scheduled sync runs, or null when paused, expired or invalid. */
export function nextScheduledRun(
  district: { schedule: string; timezone: string; syncEnabled: boolean; syncExpiresAt?: string | null },
  now = new Date(),
): Date | null {
  if (!district.syncEnabled) return null;
  try {
    const next = CronExpressionParser.parse(district.schedule, { tz: district.timezone, currentDate: now }).next().toDate();
    if (district.syncExpiresAt && next.toISOString().slice(0, 10) > district.syncExpiresAt) return null;
    return next;
  } catch {
    return null;
  }
}

/** A few common schedules in words, else the cron expression itself. */
export function describeSchedule(cron: string): string {
  const every = /^(\d{1,2}) \*\/(\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (every) return `Every ${every[2]} hours, at ${every[1].padStart(2, '0')} past the hour`;
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|1-5)$/.exec(cron.trim());
  if (!m) return `Cron “${cron}”`;
  const hour = Number(m[2]);
  const minute = Number(m[1]);
  const time = new Date(Date.UTC(2000, 0, 1, hour, minute)).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return m[3] === '*' ? `Every day at ${time}` : `Weekdays at ${time}`;
}

import { describe, expect, it } from 'vitest';
import { describeSchedule, nextScheduledRun } from './schedule';

describe('schedule', () => {
  it('computes the next scheduled run in the district time zone', () => {
    const d = { schedule: '0 2 * * *', timezone: 'America/Chicago', syncEnabled: true, syncExpiresAt: null };
    expect(nextScheduledRun(d, new Date('2026-11-23T12:00:00Z'))?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(nextScheduledRun({ ...d, syncEnabled: false })).toBeNull();
    expect(nextScheduledRun({ ...d, syncExpiresAt: '2026-11-23' }, new Date('2026-11-23T12:00:00Z'))).toBeNull();
    expect(nextScheduledRun({ ...d, schedule: 'not a cron' })).toBeNull();
  });

  it('describes a cron in words', () => {
    expect(describeSchedule('0 2 * * *')).toBe('Every day at 2:00 AM');
    expect(describeSchedule('30 23 * * 1-5')).toBe('Weekdays at 11:30 PM');
    expect(describeSchedule('0 */4 * * *')).toBe('Every 4 hours, at 00 past the hour');
    expect(describeSchedule('*/5 * * * *')).toBe('Cron “*/5 * * * *”');
  });
});

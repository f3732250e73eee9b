import { describe, expect, it } from '@jest/globals';
import { nextRunTimes, scheduledSyncBlocker } from '../../src/jobs/index.js';
import { validateSchedule } from '../../src/roster/district-settings.validation.js';

describe('district schedules', () => {
  it('rejects a bad cron or timezone with a clear message', () => {
    expect(() => validateSchedule('* *', 'UTC')).toThrow('Invalid schedule "* *": expected 5 cron fields');
    expect(() => validateSchedule('0 25 * * *', 'UTC')).toThrow(/^Invalid schedule "0 25 \* \* \*"/);
    expect(() => validateSchedule('0 2 * * *', 'Mars/Base')).toThrow('Unknown timezone "Mars/Base"');
    expect(() => validateSchedule('0 2 * * 1-5', 'America/Chicago')).not.toThrow();
  });

  it('computes the nightly 02:00 local runs across the spring-forward DST change', () => {
    // 2026-03-08: New York jumps from 02:00 EST to 03:00 EDT; 02:00 does not exist that night.
    const times = nextRunTimes('30 1 * * *', 'America/New_York', new Date('2026-03-06T12:00:00Z'), 4);
    expect(times.map((t) => t.toISOString())).toEqual([
      '2026-03-07T06:30:00.000Z', // 01:30 EST (UTC-5)
      '2026-03-08T06:30:00.000Z', // 01:30 EST, hours before the change
      '2026-03-09T05:30:00.000Z', // 01:30 EDT (UTC-4)
      '2026-03-10T05:30:00.000Z',
    ]);
  });

  it('keeps local time across the fall-back DST change', () => {
    const times = nextRunTimes('0 3 * * *', 'America/Chicago', new Date('2026-10-31T12:00:00Z'), 3);
    expect(times.map((t) => t.toISOString())).toEqual([
      '2026-11-01T09:00:00.000Z', // 03:00 CST (UTC-6), the morning the clocks fell back from CDT
      '2026-11-02T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
  });

  it('blocks a paused or expired district (expiration day itself still syncs, in district time)', () => {
    const base = { syncEnabled: true, syncExpiresAt: null, timezone: 'America/Los_Angeles' };
    expect(scheduledSyncBlocker(base)).toBeNull();
    expect(scheduledSyncBlocker({ ...base, syncEnabled: false })).toMatch(/paused/);
    // 2026-06-30 23:30 in Los Angeles is already 07-01 in UTC.
    const lateOnExpiryDay = new Date('2026-07-01T06:30:00Z');
    expect(scheduledSyncBlocker({ ...base, syncExpiresAt: '2026-06-30' }, lateOnExpiryDay)).toBeNull();
    expect(scheduledSyncBlocker({ ...base, syncExpiresAt: '2026-06-30' }, new Date('2026-07-01T08:00:00Z'))).toBe('sync expired on 2026-06-30');
  });
});

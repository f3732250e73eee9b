import { describe, expect, it } from 'vitest';
import { formatLocalDate, isAhead, rolloverSummary, suggestedFirstDay, syncAsOfNotice } from './rollover';

describe('rollover helpers', () => {
  it('says what the overview shows about an early rollover', () => {
    expect(syncAsOfNotice('2027-08-15')).toBe('Syncing as of Aug 15, 2027 (early rollover) until that day');
    expect(syncAsOfNotice(null)).toBeNull();
    expect(formatLocalDate('2028-01-01')).toBe('Jan 1, 2028');
  });

  it('compares with today in the district time zone', () => {
    const evening = new Date('2027-08-15T02:00:00Z'); // still Aug 14 in Chicago
    expect(isAhead('2027-08-15', 'America/Chicago', evening)).toBe(true);
    expect(isAhead('2027-08-15', 'UTC', evening)).toBe(false);
    expect(suggestedFirstDay('UTC', new Date('2026-11-30T12:00:00Z'))).toBe('2027-08-15');
    expect(suggestedFirstDay('UTC', new Date('2027-03-01T12:00:00Z'))).toBe('2027-08-15');
    expect(suggestedFirstDay('UTC', new Date('2027-08-15T12:00:00Z'))).toBe('2028-08-15');
  });

  it('sums what arrives, ends and would be deleted', () => {
    const row = (entity: string, created: number, ended: number, deleted = 0, restored = 0) => ({ entity, created, restored, ended, deleted });
    const s = rolloverSummary([row('terms', 2, 2), row('people', 0, 0), row('sections', 40, 38, 0, 1), row('enrollments', 900, 880)]);
    expect(s.arrives).toEqual({ terms: 2, sections: 41, people: 0, enrollments: 900 });
    expect(s.ends).toEqual({ terms: 2, sections: 38, enrollments: 880 });
    expect(s.deleted).toBe(0);
    expect(rolloverSummary([row('enrollments', 0, 0, 3)]).deletedBy).toEqual([{ entity: 'enrollments', deleted: 3 }]);
  });
});

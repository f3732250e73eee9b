import { describe, expect, it } from '@jest/globals';
import { pendingSyncAsOf, syncDateFor } from '../../src/sync/sync-date.js';

const at = (iso: string) => new Date(iso);
const district = (syncAsOf: string | null, timezone = 'America/New_York') => ({ syncAsOf, timezone });

describe('the date a run syncs as of', () => {
  it('is today in the district timezone without a district date or a run as-of', () => {
    expect(syncDateFor({ asOf: null }, district(null), at('2027-06-10T12:00:00Z'))).toEqual({ asOf: '2027-06-10', source: 'TODAY' });
    // 02:00 UTC is still the evening before in New York.
    expect(syncDateFor({ asOf: null }, district(null), at('2027-06-10T02:00:00Z'))).toEqual({ asOf: '2027-06-09', source: 'TODAY' });
  });

  it('is the district date while it is ahead (early rollover), then today again by itself', () => {
    const d = district('2027-08-15');
    expect(syncDateFor({ asOf: null }, d, at('2027-06-10T12:00:00Z'))).toEqual({ asOf: '2027-08-15', source: 'DISTRICT' });
    expect(syncDateFor({ asOf: null }, d, at('2027-08-14T23:00:00Z'))).toEqual({ asOf: '2027-08-15', source: 'DISTRICT' }); // 19:00 on the 14th in New York
    expect(syncDateFor({ asOf: null }, d, at('2027-08-15T12:00:00Z'))).toEqual({ asOf: '2027-08-15', source: 'TODAY' });
    expect(syncDateFor({ asOf: null }, d, at('2027-09-20T12:00:00Z'))).toEqual({ asOf: '2027-09-20', source: 'TODAY' });
  });

  it("lets a run's one-off as-of win over the district date", () => {
    expect(syncDateFor({ asOf: '2027-01-05' }, district('2027-08-15'), at('2027-06-10T12:00:00Z'))).toEqual({ asOf: '2027-01-05', source: 'RUN' });
  });

  it('shows the district date only while it still applies', () => {
    expect(pendingSyncAsOf(district('2027-08-15'), at('2027-06-10T12:00:00Z'))).toBe('2027-08-15');
    expect(pendingSyncAsOf(district('2027-08-15'), at('2027-08-15T12:00:00Z'))).toBeNull();
    expect(pendingSyncAsOf(district(null), at('2027-06-10T12:00:00Z'))).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { runsChartSeries } from '../../../web/src/lib/chart-data.js';
import { changedTotal, countsWithTotal, deletePercent } from '../../../web/src/lib/counts.js';
import { csvCell, toCsv } from '../../../web/src/lib/csv.js';
import { mappingRows } from '../../../web/src/lib/field-mapping-rows.js';
import { durationSeconds, errorMessage, formatDateTime, formatDuration, formatEta, STATUS_LABELS } from '../../../web/src/lib/format.js';
import { ISSUE_CODES, explainIssue } from '../../../web/src/lib/issue-codes.js';
import { peopleCsv } from '../../../web/src/lib/people-csv.js';
import { describeSchedule, nextScheduledRun } from '../../../web/src/lib/schedule.js';
import { CLEVER_API_MAPPINGS } from '../../src/sync/sources/clever-api.source.js';
import { CleverCsvSource } from '../../src/sync/sources/clever-csv.source.js';
import { defaultMappingRows } from '../../src/sync/sources/default-mappings.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { OneRosterCsvSource } from '../../src/sync/sources/oneroster-csv.source.js';

const row = (entity: string, c: Partial<Record<'created' | 'updated' | 'deleted' | 'restored' | 'unchanged', number>>) => ({
  entity, created: 0, updated: 0, deleted: 0, restored: 0, unchanged: 0, ...c,
});

describe('dashboard display helpers', () => {
  it('uses the status words admins know', () => {
    expect(Object.values(STATUS_LABELS)).toEqual(['Scheduled', 'In Progress', 'Launched', 'Failed', 'Cancelled']);
  });

  it('formats durations and ETAs', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0.4)).toBe('under 1 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3600 + 180)).toBe('1 h 3 min');
    expect(formatEta(null)).toBeNull();
    expect(formatEta(3)).toBe('almost done');
    expect(formatEta(90)).toBe('about 1 min 30 s left');
    expect(durationSeconds('2026-01-01T00:00:00Z', '2026-01-01T00:01:30Z')).toBe(90);
    expect(durationSeconds(null, null)).toBeNull();
    expect(durationSeconds('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:00:10Z'))).toBe(10);
  });

  it('shows times in the district time zone', () => {
    expect(formatDateTime('2026-11-23T08:00:00Z', 'America/Chicago')).toBe('Nov 23, 2026, 2:00 AM CST');
    expect(formatDateTime('2026-07-01T06:30:00Z', 'America/Los_Angeles')).toBe('Jun 30, 2026, 11:30 PM PDT');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('2026-11-23T08:00:00Z', 'Not/AZone')).toMatch(/^Nov 23, 2026/);
  });

  it('turns API errors into a readable sentence', () => {
    expect(errorMessage({ message: '[GraphQL] District not found', graphQLErrors: [{ message: 'District not found' }] })).toBe('District not found');
    expect(errorMessage({ message: '[Network] Failed to fetch', graphQLErrors: [] })).toBe('Failed to fetch');
  });

  it('orders counts like the engine and appends a total', () => {
    const rows = countsWithTotal([row('people', { created: 3, unchanged: 2 }), row('schools', { updated: 1 })]);
    expect(rows.map((r) => r.entity)).toEqual(['schools', 'people', 'Total']);
    expect(rows[2]).toMatchObject({ created: 3, updated: 1, unchanged: 2, total: true });
    expect(changedTotal([row('people', { created: 3, updated: 1, deleted: 2, restored: 1, unchanged: 100 })])).toBe(7);
    // 52 of 210 existing people deleted, as the threshold measures it.
    expect(deletePercent(row('people', { deleted: 52, unchanged: 158 })).toFixed(1)).toBe('24.8');
    expect(deletePercent(row('people', { created: 5 }))).toBe(0);
  });

  it('explains every issue code the engine emits', () => {
    const codes = ['TEACHER_NO_SCHOOL', 'STUDENT_NO_SCHOOL', 'SCHOOL_NOT_SELECTED', 'UNKNOWN_SCHOOL', 'UNKNOWN_SECTION', 'UNKNOWN_PERSON', 'UNKNOWN_TERM',
      'UNKNOWN_COURSE', 'NOT_ACTIVE', 'MISSING_REQUIRED_FIELD', 'INVALID_VALUE', 'DUPLICATE_SOURCE_ID', 'ROLE_CHANGE_SKIPPED', 'ROLE_SKIPPED', 'RESET_THRESHOLD_EXCEEDED'];
    for (const code of codes) {
      expect(ISSUE_CODES[code]?.meaning.length).toBeGreaterThan(20);
      expect(ISSUE_CODES[code]?.fix.length).toBeGreaterThan(20);
    }
    expect(explainIssue('SOMETHING_NEW').title).toBe('Something new');
  });

  it('computes the next scheduled run in the district time zone', () => {
    const d = { schedule: '0 2 * * *', timezone: 'America/Chicago', syncEnabled: true, syncExpiresAt: null };
    expect(nextScheduledRun(d, new Date('2026-11-23T12:00:00Z'))?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(nextScheduledRun({ ...d, syncEnabled: false })).toBeNull();
    expect(nextScheduledRun({ ...d, syncExpiresAt: '2026-11-23' }, new Date('2026-11-23T12:00:00Z'))).toBeNull();
    expect(nextScheduledRun({ ...d, schedule: 'not a cron' })).toBeNull();
    expect(describeSchedule('0 2 * * *')).toBe('Every day at 2:00 AM');
    expect(describeSchedule('30 23 * * 1-5')).toBe('Weekdays at 11:30 PM');
    expect(describeSchedule('0 */4 * * *')).toBe('Every 4 hours, at 00 past the hour');
    expect(describeSchedule('*/5 * * * *')).toBe('Cron “*/5 * * * *”');
  });

  it('charts finished applied runs oldest first', () => {
    const s = runsChartSeries([
      { id: '3', createdAt: '2026-01-03T00:00:00Z', startedAt: '2026-01-03T00:00:00Z', finishedAt: '2026-01-03T00:00:05Z', status: 'LAUNCHED', dryRun: false, counts: [row('people', { updated: 4 })] },
      { id: '2', createdAt: '2026-01-02T00:00:00Z', startedAt: '2026-01-02T00:00:00Z', finishedAt: null, status: 'IN_PROGRESS', dryRun: false, counts: [] },
      { id: '1', createdAt: '2026-01-01T00:00:00Z', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z', status: 'LAUNCHED', dryRun: false, counts: [row('people', { created: 10, deleted: 1 })] },
      { id: '4', createdAt: '2026-01-04T00:00:00Z', startedAt: '2026-01-04T00:00:00Z', finishedAt: '2026-01-04T00:00:01Z', status: 'LAUNCHED', dryRun: true, counts: [row('people', { deleted: 99 })] },
    ]);
    expect(s.ids).toEqual(['1', '3']);
    expect(s.duration).toEqual([60, 5]);
    expect(s.created).toEqual([10, 0]);
    expect(s.deleted).toEqual([1, 0]);
    expect(s.changed).toEqual([11, 4]);
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
    expect(toCsv([{ a: 1 }], [{ header: 'A', value: (r) => r.a }])).toBe('A\r\n1\r\n');
  });

  it('lists new students with grade and schools, new teachers without grade', () => {
    const p = { sourceId: 's1', givenName: 'Ana', familyName: "O'Neil, Jr", email: 'ana@x.org', username: null, sisId: '42', grade: '3', schools: [{ name: 'Lincoln' }, { name: 'Adams' }] };
    expect(peopleCsv([p], 'STUDENT')).toBe('First name,Last name,Email,Username,SIS id,Source id,Grade,Schools\r\nAna,"O\'Neil, Jr",ana@x.org,,42,s1,3,Lincoln; Adams\r\n');
    expect(peopleCsv([p], 'TEACHER').split('\r\n')[0]).toBe('First name,Last name,Email,Username,SIS id,Source id,Schools');
  });
});

describe('field mapping rows in the dashboard', () => {
  it('list every field of the source defaults (as the API gives them) with the district override', () => {
    const defaults = defaultMappingRows(SourceKind.DEMO);
    const rows = mappingRows(defaults, [{ entityType: 'people', targetField: 'email', sourceField: 'sisEmail' }]);
    expect(rows.find((r) => r.entityType === 'people' && r.targetField === 'email')).toEqual({ entityType: 'people', targetField: 'email', defaultSource: 'email', override: 'sisEmail' });
    expect(rows.filter((r) => r.override).length).toBe(1);
    expect(rows.length).toBe(defaults.length);
  });

  it('come from each source kind’s own defaults', () => {
    expect(defaultMappingRows(SourceKind.CLEVER_API)).toContainEqual({ entityType: 'people', targetField: 'email', sourceField: CLEVER_API_MAPPINGS.people!.email });
    expect(defaultMappingRows(SourceKind.CLEVER_CSV)).toContainEqual({ entityType: 'people', targetField: 'email', sourceField: new CleverCsvSource({ path: '/nonexistent' }).defaultMappings().people!.email });
    expect(defaultMappingRows(SourceKind.ONEROSTER_CSV)).toContainEqual({ entityType: 'sections', targetField: 'name', sourceField: new OneRosterCsvSource({ path: '/nonexistent' }).defaultMappings().sections!.name });
  });
});

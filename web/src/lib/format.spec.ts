import { describe, expect, it } from 'vitest';
import { durationSeconds, errorMessage, extrasText, formatDateTime, formatDuration, formatEta, STATUS_LABELS } from './format';

describe('format', () => {
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

  it('shows additional fields as key: value pairs', () => {
    expect(
      extrasText([
        { key: 'ell', value: 'Y' },
        { key: 'homeroom', value: 'H-101' },
      ]),
    ).toBe('ell: Y · homeroom: H-101');
    expect(extrasText([])).toBe('—');
  });
});

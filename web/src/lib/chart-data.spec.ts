import { describe, expect, it } from 'vitest';
import { runsChartSeries } from './chart-data';

const row = (entity: string, c: Partial<Record<'created' | 'updated' | 'deleted' | 'restored' | 'unchanged', number>>) => ({
  entity,
  created: 0,
  updated: 0,
  deleted: 0,
  restored: 0,
  unchanged: 0,
  ...c,
});

describe('runs chart', () => {
  it('charts finished applied runs oldest first', () => {
    const s = runsChartSeries([
      {
        id: '3',
        createdAt: '2026-01-03T00:00:00Z',
        startedAt: '2026-01-03T00:00:00Z',
        finishedAt: '2026-01-03T00:00:05Z',
        status: 'LAUNCHED',
        dryRun: false,
        counts: [row('people', { updated: 4 })],
      },
      { id: '2', createdAt: '2026-01-02T00:00:00Z', startedAt: '2026-01-02T00:00:00Z', finishedAt: null, status: 'IN_PROGRESS', dryRun: false, counts: [] },
      {
        id: '1',
        createdAt: '2026-01-01T00:00:00Z',
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:01:00Z',
        status: 'LAUNCHED',
        dryRun: false,
        counts: [row('people', { created: 10, deleted: 1 })],
      },
      {
        id: '4',
        createdAt: '2026-01-04T00:00:00Z',
        startedAt: '2026-01-04T00:00:00Z',
        finishedAt: '2026-01-04T00:00:01Z',
        status: 'LAUNCHED',
        dryRun: true,
        counts: [row('people', { deleted: 99 })],
      },
    ]);
    expect(s.ids).toEqual(['1', '3']);
    expect(s.duration).toEqual([60, 5]);
    expect(s.created).toEqual([10, 0]);
    expect(s.deleted).toEqual([1, 0]);
    expect(s.changed).toEqual([11, 4]);
  });
});

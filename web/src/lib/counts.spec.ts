import { describe, expect, it } from 'vitest';
import { changedTotal, countsWithTotal, deletePercent } from './counts';

const row = (entity: string, c: Partial<Record<'created' | 'updated' | 'deleted' | 'restored' | 'unchanged', number>>) => ({
  entity,
  created: 0,
  updated: 0,
  deleted: 0,
  restored: 0,
  unchanged: 0,
  ...c,
});

describe('counts', () => {
  it('orders counts like the engine and appends a total', () => {
    const rows = countsWithTotal([row('people', { created: 3, unchanged: 2 }), row('schools', { updated: 1 })]);
    expect(rows.map((r) => r.entity)).toEqual(['schools', 'people', 'Total']);
    expect(rows[2]).toMatchObject({ created: 3, updated: 1, unchanged: 2, total: true });
    expect(changedTotal([row('people', { created: 3, updated: 1, deleted: 2, restored: 1, unchanged: 100 })])).toBe(7);
    // 52 of 210 existing people deleted, as the threshold measures it.
    expect(deletePercent(row('people', { deleted: 52, unchanged: 158 })).toFixed(1)).toBe('24.8');
    expect(deletePercent(row('people', { created: 5 }))).toBe(0);
  });
});

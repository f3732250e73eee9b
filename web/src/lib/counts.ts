import { ENTITY_ORDER } from './format.js';

export interface EntityCountRow {
  entity: string;
  created: number;
  updated: number;
  deleted: number;
  restored: number;
  /** Not active on the sync date any more (last year's classes): hidden, not deleted. */
  ended?: number;
  unchanged: number;
}

export const ACTIONS = ['created', 'updated', 'deleted', 'restored', 'ended', 'unchanged'] as const;
export type CountAction = (typeof ACTIONS)[number];

/** Counts sorted in engine order, with a totals row appended. */
export function countsWithTotal(counts: readonly EntityCountRow[]): Array<EntityCountRow & { total: boolean }> {
  const rank = (e: string) => ENTITY_ORDER.indexOf(e) + 1 || 99;
  const rows = [...counts].sort((a, b) => rank(a.entity) - rank(b.entity)).map((c) => ({ ...c, total: false }));
  const total = { entity: 'Total', created: 0, updated: 0, deleted: 0, restored: 0, ended: 0, unchanged: 0, total: true };
  for (const row of rows) for (const a of ACTIONS) total[a] += row[a] ?? 0;
  return rows.length ? [...rows, total] : [];
}

/** Records touched (everything but unchanged) by a run. */
export function changedTotal(counts: readonly EntityCountRow[]): number {
  return counts.reduce((sum, c) => sum + c.created + c.updated + c.deleted + c.restored + (c.ended ?? 0), 0);
}

/** Records of the district before the run, per entity (what a Reset's delete share is measured against). */
export function deletePercent(c: EntityCountRow): number {
  const before = c.updated + c.deleted + c.unchanged;
  return before === 0 ? 0 : (100 * c.deleted) / before;
}

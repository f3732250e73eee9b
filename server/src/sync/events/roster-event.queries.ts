import type { DataSource } from 'typeorm';
import { dialectOf } from '../../db/data-source.js';
import { SyncStatus } from '../sync-enums.js';

/** One sync_change row as the feed reads it (raw: no entity hydration). */
export interface ChangeRow {
  id: number;
  runId: number;
  entityType: string;
  entityId: number | null;
  sourceId: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
}

export interface ChangeRowFilter {
  actions?: string[] | null;
  entityTypes?: string[] | null;
}

const OF_DISTRICT = 'c.districtId = ?';

/**
 * sync_change first, then its run by primary key, in that order: the page walks the
 * (districtId, id) index of sync_change in id order and stops after the rows it needs.
 * Left to itself MariaDB starts from sync_run and sorts every change of the district
 * (hundreds of ms at 50k events); STRAIGHT_JOIN (MySQL) and CROSS JOIN (SQLite) keep the order.
 */
const changesWithRun = (ds: DataSource) => `sync_change c ${dialectOf(ds) === 'mysql' ? 'STRAIGHT_JOIN' : 'CROSS JOIN'} sync_run r ON r.id = c.runId`;

const json = (v: unknown): Record<string, unknown> | null =>
  v == null || v === '' ? null : typeof v === 'string' ? JSON.parse(v) : (v as Record<string, unknown>);

/** SQLite keeps `YYYY-MM-DD HH:MM:SS` in UTC; MySQL answers a Date already. */
export function utcDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/**
 * The newest change id of the district outside its run in progress (`activeRunId`, read
 * before this): every other run of the district has finished and never writes again, and
 * the district's next run (one at a time) only writes ids above it. Serving up to this id and
 * no further keeps the cursor exact even if rows of the run in progress were ever visible
 * before it launches. One backward step on the (districtId, id) index.
 */
export async function feedHead(ds: DataSource, districtId: number, activeRunId: number | null): Promise<number> {
  const rows: Array<{ id: number | string }> = await ds.query(
    `SELECT c.id AS id FROM sync_change c WHERE ${OF_DISTRICT} AND c.runId <> ? ORDER BY c.id DESC LIMIT 1`,
    [districtId, activeRunId ?? 0],
  );
  return rows.length ? Number(rows[0].id) : 0;
}

/** Changes of launched, applied (not dry) runs of the district with afterId < id ≤ upTo, in id order. */
export async function changeRows(
  ds: DataSource,
  districtId: number,
  afterId: number,
  upTo: number,
  limit: number,
  filter: ChangeRowFilter,
): Promise<ChangeRow[]> {
  const where = [OF_DISTRICT, `r.status = '${SyncStatus.LAUNCHED}'`, 'r.dryRun = 0', 'c.id > ?', 'c.id <= ?'];
  const params: unknown[] = [districtId, afterId, upTo];
  if (filter.actions?.length) {
    where.push(`c.action IN (${filter.actions.map(() => '?').join(', ')})`);
    params.push(...filter.actions);
  }
  if (filter.entityTypes?.length) {
    where.push(`c.entityType IN (${filter.entityTypes.map(() => '?').join(', ')})`);
    params.push(...filter.entityTypes);
  }
  const rows: Array<Record<string, unknown>> = await ds.query(
    `SELECT c.id, c.runId, c.entityType, c.entityId, c.sourceId, c.action, c.\`before\`, c.\`after\`, c.createdAt
     FROM ${changesWithRun(ds)}
     WHERE ${where.join(' AND ')} ORDER BY c.id LIMIT ?`,
    [...params, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    runId: Number(r.runId),
    entityType: String(r.entityType),
    entityId: r.entityId == null ? null : Number(r.entityId),
    sourceId: (r.sourceId as string | null) ?? null,
    action: String(r.action),
    before: json(r.before),
    after: json(r.after),
    createdAt: utcDate(r.createdAt),
  }));
}

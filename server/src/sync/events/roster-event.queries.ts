import type { DataSource } from 'typeorm';
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

const FINISHED = [SyncStatus.LAUNCHED, SyncStatus.FAILED, SyncStatus.CANCELLED].map((s) => `'${s}'`).join(', ');

/**
 * Both statements walk the (districtId, id) index of sync_change in id order and look each
 * row's run up by primary key: a page costs about as many rows as it returns.
 */
const OF_DISTRICT = 'c.districtId = ?';

const json = (v: unknown): Record<string, unknown> | null => (v == null || v === '' ? null : typeof v === 'string' ? JSON.parse(v) : (v as Record<string, unknown>));

/** SQLite keeps `YYYY-MM-DD HH:MM:SS` in UTC; MySQL answers a Date already. */
export function utcDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/**
 * The newest change id of the district whose run has finished (LAUNCHED, FAILED or CANCELLED):
 * a finished run never writes again, and the next run of the district (one at a time) only
 * writes ids above it. Serving up to this id and no further is what keeps the cursor exact
 * even if rows of a run still in progress were ever visible before it launches.
 */
export async function feedHead(ds: DataSource, districtId: number): Promise<number> {
  const rows: Array<{ id: number | string }> = await ds.query(
    `SELECT c.id AS id FROM sync_change c INNER JOIN sync_run r ON r.id = c.runId
     WHERE ${OF_DISTRICT} AND r.status IN (${FINISHED}) ORDER BY c.id DESC LIMIT 1`,
    [districtId],
  );
  return rows.length ? Number(rows[0].id) : 0;
}

/** Changes of launched, applied (not dry) runs of the district with afterId < id ≤ upTo, in id order. */
export async function changeRows(ds: DataSource, districtId: number, afterId: number, upTo: number, limit: number, filter: ChangeRowFilter): Promise<ChangeRow[]> {
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
     FROM sync_change c INNER JOIN sync_run r ON r.id = c.runId
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

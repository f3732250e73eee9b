import type { DataSource } from 'typeorm';
import type { ChangeAction } from './sync-enums.js';

export interface ChangeRecordRow {
  id: number;
  runId: number;
  entityType: string;
  entityId: number | null;
  sourceId: string | null;
  action: ChangeAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ChangeRecordFilter {
  action?: ChangeAction | null;
  entityType?: string | null;
}

const parse = (v: unknown) => (v === null || v === undefined ? null : JSON.parse(String(v)));

/** A run's change record in id order, a page at a time: any size streams in bounded memory. */
export async function* readChangeRecord(ds: DataSource, runId: number, filter: ChangeRecordFilter = {}, pageSize = 2000): AsyncGenerator<ChangeRecordRow> {
  let after = 0;
  const where = ['runId = ?', 'id > ?'];
  const params: unknown[] = [runId];
  if (filter.action) {
    where.push('action = ?');
    params.push(filter.action);
  }
  if (filter.entityType) {
    where.push('entityType = ?');
    params.push(filter.entityType);
  }
  for (;;) {
    const rows: Array<Record<string, unknown>> = await ds.query(
      `SELECT id, runId, entityType, entityId, sourceId, action, \`before\`, \`after\` FROM sync_change WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${pageSize}`,
      [params[0], after, ...params.slice(1)],
    );
    for (const r of rows) {
      yield {
        id: Number(r.id),
        runId: Number(r.runId),
        entityType: String(r.entityType),
        entityId: r.entityId === null ? null : Number(r.entityId),
        sourceId: r.sourceId === null ? null : String(r.sourceId),
        action: r.action as ChangeAction,
        before: parse(r.before),
        after: parse(r.after),
      };
    }
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].id);
  }
}

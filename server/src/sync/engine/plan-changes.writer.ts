import type { DataSource } from 'typeorm';
import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { ChangeAction } from '../sync-enums.js';
import { insertRows } from './batch-sql.js';
import type { SyncPlan } from './sync-plan.js';

const label = (key: string, sourceId: string | null) => (sourceId ?? key.split('\u001f').join('/')).slice(0, 255);

/** Stores a dry run's plan as change rows: the exact records that would be created, updated, restored and deleted. */
export async function writePlanChanges(ds: DataSource, runId: number, districtId: number, plan: SyncPlan): Promise<void> {
  const cols = ['runId', 'districtId', 'entityType', 'entityId', 'sourceId', 'action', 'before', 'after'];
  for (const entity of ENTITY_TYPES) {
    const p = plan[entity];
    const rows: unknown[][] = [
      ...p.creates.map((c) => [runId, districtId, entity, null, label(c.key, c.sourceId), ChangeAction.CREATE, null, JSON.stringify(c.values)]),
      ...p.updates.map((u) => [runId, districtId, entity, u.id, label(u.record.key, u.record.sourceId), ChangeAction.UPDATE, JSON.stringify(u.before), JSON.stringify(u.after)]),
      ...p.restores.map((r) => [runId, districtId, entity, r.id, label(r.record.key, r.record.sourceId), ChangeAction.RESTORE, JSON.stringify(r.before), JSON.stringify(r.record.values)]),
      ...p.deletes.map((d) => [runId, districtId, entity, d.id, (d.sourceId ?? String(d.id)).slice(0, 255), ChangeAction.DELETE, JSON.stringify(d.values), null]),
    ];
    await insertRows(ds.manager, 'sync_change', cols, rows);
  }
}

import { In, type EntityManager } from 'typeorm';
import { ENTITY_TYPES, type EntityType } from '../roster/roster-enums.js';
import { insertRows, q, updateByIds } from './engine/batch-sql.js';
import { enrollmentsByIds, findExisting } from './engine/existing-records.js';
import { CHANGE_COLUMNS } from './engine/sync-applier.js';
import { changeLabel } from './engine/sync-plan.js';
import { ROSTER_TABLES } from './engine/roster-tables.js';
import { ChangeAction, SyncStatus, SyncTrigger, type RunCounts } from './sync-enums.js';
import { SyncChange } from './sync-change.entity.js';
import { SyncRun } from './sync-run.entity.js';
import { ValidationError } from '../errors.js';

/** The run a revert of this district would undo: its latest launched, applied run. */
export async function revertibleRun(em: EntityManager, districtId: number): Promise<SyncRun> {
  const last = await em.getRepository(SyncRun).findOne({
    where: { districtId, status: SyncStatus.LAUNCHED, dryRun: false },
    order: { createdAt: 'DESC', id: 'DESC' },
  });
  if (!last) throw new ValidationError('This district has no launched sync to revert');
  if (last.trigger === SyncTrigger.REVERT) throw new ValidationError(`The latest sync (run ${last.id}) is itself a revert; start a new sync instead`);
  return last;
}

/** Columns to write for a change's `before` values; references given as source ids are looked up. */
async function columnsOf(em: EntityManager, districtId: number, entity: EntityType, values: Record<string, string | null>) {
  const row: Record<string, unknown> = {};
  for (const f of ROSTER_TABLES[entity].fields) if (f in values) row[f] = values[f];
  if ('role' in values && entity === 'people') row.role = values.role;
  if (entity === 'enrollments' && 'primary' in values) row.primary = values.primary === 'true' ? 1 : 0;
  if (entity === 'enrollments') for (const f of ['beginDate', 'endDate']) if (f in values) row[f] = values[f];
  const refs: Array<[string, string, string]> = [
    ['schoolSourceId', 'school', 'schoolId'],
    ['courseSourceId', 'course', 'courseId'],
    ['termSourceId', 'term', 'termId'],
  ];
  if (entity === 'sections') {
    for (const [key, table, col] of refs) {
      if (!(key in values)) continue;
      const rows = values[key] ? await em.query(`SELECT id FROM ${table} WHERE districtId = ? AND sourceId = ?`, [districtId, values[key]]) : [];
      row[col] = rows[0]?.id ?? null;
    }
  }
  return row;
}

/** Writes the columns back; `redelete` also soft-deletes the record again (undoing a restore). */
async function writeColumns(em: EntityManager, table: string, id: number, row: Record<string, unknown>, runId: number, redelete = false) {
  const sets = [...Object.keys(row).map((c) => `${q(c)} = ?`), 'updatedByRunId = ?', 'updatedAt = CURRENT_TIMESTAMP'];
  const params = [...Object.values(row), runId];
  if (redelete) {
    sets.push('deletedAt = CURRENT_TIMESTAMP', 'deletedByRunId = ?');
    params.push(runId);
  }
  await em.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

async function rewriteSchools(em: EntityManager, districtId: number, personId: number, schools: string | null) {
  await em.query('DELETE FROM person_school WHERE personId = ?', [personId]);
  for (const s of (schools ?? '').split(',').filter(Boolean)) {
    const [school] = await em.query('SELECT id FROM school WHERE districtId = ? AND sourceId = ?', [districtId, s]);
    if (school) await em.query('INSERT INTO person_school (personId, schoolId, districtId) VALUES (?, ?, ?)', [personId, school.id, districtId]);
  }
}

async function recordLabels(em: EntityManager, districtId: number, entity: EntityType, ids: number[]) {
  const records = entity === 'enrollments' ? await enrollmentsByIds(em, districtId, ids) : await findExisting(em, districtId, entity, 'id', ids);
  return new Map(records.map((r) => [r.id, { label: changeLabel(r.key, r.sourceId), values: r.values }]));
}

function changeRowOf(run: SyncRun, entity: EntityType, id: number, label: string, action: ChangeAction, before: unknown, after: unknown): unknown[] {
  return [run.id, run.districtId, entity, id, label, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null];
}

/**
 * Undoes run.revertOfRunId inside the caller's transaction: removes (soft-deletes) what it
 * created, restores what it deleted, puts updated fields back and re-deletes what it restored.
 * The revert's own changes go to its change record like any run's.
 */
export async function revertRun(em: EntityManager, run: SyncRun): Promise<RunCounts> {
  const target = await revertibleRun(em, run.districtId);
  if (target.id !== run.revertOfRunId)
    throw new ValidationError(`Run ${run.revertOfRunId} is no longer the latest sync (run ${target.id} is); only the latest can be reverted`);
  const counts: RunCounts = {};
  for (const entity of [...ENTITY_TYPES].reverse()) {
    const table = ROSTER_TABLES[entity].table;
    const c = (counts[entity] = { created: 0, updated: 0, deleted: 0, restored: 0, ended: 0, unchanged: 0 });
    const log: unknown[][] = [];
    const flush = () => insertRows(em, 'sync_change', CHANGE_COLUMNS, log.splice(0));
    const created: Array<{ id: number }> = await em.query(`SELECT id FROM ${table} WHERE createdByRunId = ? AND deletedAt IS NULL`, [target.id]);
    for (let i = 0; i < created.length; i += 2000) {
      const ids = created.slice(i, i + 2000).map((r) => Number(r.id));
      const labels = await recordLabels(em, run.districtId, entity, ids);
      for (const id of ids) log.push(changeRowOf(run, entity, id, labels.get(id)?.label ?? `#${id}`, ChangeAction.DELETE, labels.get(id)?.values, null));
      await updateByIds(em, table, 'deletedAt = CURRENT_TIMESTAMP, deletedByRunId = ?, updatedAt = updatedAt', [run.id], ids);
      await flush();
    }
    c.deleted += created.length;
    const deleted: Array<{ id: number }> = await em.query(`SELECT id FROM ${table} WHERE deletedByRunId = ?`, [target.id]);
    for (let i = 0; i < deleted.length; i += 2000) {
      const ids = deleted.slice(i, i + 2000).map((r) => Number(r.id));
      const labels = await recordLabels(em, run.districtId, entity, ids);
      for (const id of ids) log.push(changeRowOf(run, entity, id, labels.get(id)?.label ?? `#${id}`, ChangeAction.RESTORE, null, labels.get(id)?.values));
      await updateByIds(em, table, 'deletedAt = NULL, deletedByRunId = NULL, updatedByRunId = ?, updatedAt = CURRENT_TIMESTAMP', [run.id], ids);
      await flush();
    }
    c.restored += deleted.length;
    const ended: Array<{ id: number }> = await em.query(`SELECT id FROM ${table} WHERE endedByRunId = ?`, [target.id]);
    for (let i = 0; i < ended.length; i += 2000) {
      const ids = ended.slice(i, i + 2000).map((r) => Number(r.id));
      const labels = await recordLabels(em, run.districtId, entity, ids);
      for (const id of ids) log.push(changeRowOf(run, entity, id, labels.get(id)?.label ?? `#${id}`, ChangeAction.RESTORE, null, labels.get(id)?.values));
      await updateByIds(em, table, 'endedAt = NULL, endedByRunId = NULL, updatedByRunId = ?, updatedAt = CURRENT_TIMESTAMP', [run.id], ids);
      await flush();
    }
    c.restored += ended.length;
    const changes = await em.getRepository(SyncChange).find({
      where: { runId: target.id, entityType: entity, action: In([ChangeAction.UPDATE, ChangeAction.RESTORE]) },
      order: { id: 'DESC' },
    });
    for (const ch of changes.filter((x) => x.entityId !== null)) {
      const before = (ch.before ?? {}) as Record<string, string | null>;
      const row = await columnsOf(em, run.districtId, entity, before);
      if (ch.action === ChangeAction.UPDATE) {
        await writeColumns(em, table, ch.entityId!, row, run.id);
        log.push(changeRowOf(run, entity, ch.entityId!, ch.sourceId ?? `#${ch.entityId}`, ChangeAction.UPDATE, ch.after, ch.before));
        c.updated++;
      } else {
        await writeColumns(em, table, ch.entityId!, row, run.id, true);
        log.push(changeRowOf(run, entity, ch.entityId!, ch.sourceId ?? `#${ch.entityId}`, ChangeAction.DELETE, ch.after, null));
        c.deleted++;
      }
      if (entity === 'people' && 'schools' in before) await rewriteSchools(em, run.districtId, ch.entityId!, before.schools);
    }
    await flush();
  }
  return counts;
}

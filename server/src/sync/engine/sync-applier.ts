import type { EntityManager } from 'typeorm';
import { ENTITY_TYPES, type EntityType } from '../../roster/roster-enums.js';
import { ChangeAction } from '../sync-enums.js';
import { insertRows, q, updateByIds } from './batch-sql.js';
import { ROSTER_TABLES } from './roster-tables.js';
import type { EntityPlan, PlannedRecord, SyncPlan, Values } from './sync-plan.js';

type IdMaps = Partial<Record<Exclude<EntityType, 'enrollments'>, Map<string, number>>>;
type Row = Record<string, unknown>;

const SEP = '\u001f';

/**
 * Writes a plan inside the caller's transaction, entity type by entity type so that
 * references resolve to the ids just written. Creations and deletions are marked on the
 * records; updates and restores also get change-log rows.
 */
export class SyncApplier {
  private readonly ids: IdMaps = {};

  constructor(
    private readonly em: EntityManager,
    private readonly districtId: number,
    private readonly runId: number,
    private readonly onProgress?: (entity: EntityType, written: number) => void,
  ) {}

  async apply(plan: SyncPlan): Promise<void> {
    for (const entity of ENTITY_TYPES) {
      await this.applyEntity(entity, plan[entity]);
      if (entity !== 'enrollments') this.ids[entity] = await this.loadIdsInTx(entity);
    }
  }

  // Inside a transaction the id map must be read through the same connection.
  private async loadIdsInTx(entity: Exclude<EntityType, 'enrollments'>): Promise<Map<string, number>> {
    const rows: Array<{ id: number; sourceId: string }> = await this.em.query(
      `SELECT id, sourceId FROM ${ROSTER_TABLES[entity].table} WHERE districtId = ? AND deletedAt IS NULL`, [this.districtId]);
    return new Map(rows.map((r) => [String(r.sourceId), Number(r.id)]));
  }

  /** Column values of a planned record, references resolved to ids. */
  private columns(entity: EntityType, values: Values, key: string): Row {
    const row: Row = {};
    if (entity === 'enrollments') {
      const [sec, per, role] = key.split(SEP);
      row.sectionId = this.ids.sections!.get(sec);
      row.personId = this.ids.people!.get(per);
      row.role = role;
      // An update carries only the changed fields: leave the others as they are.
      if ('primary' in values) row.primary = values.primary === 'true' ? 1 : 0;
      if ('beginDate' in values) row.beginDate = values.beginDate ?? null;
      if ('endDate' in values) row.endDate = values.endDate ?? null;
      return row;
    }
    for (const f of ROSTER_TABLES[entity].fields) if (f in values) row[f] = values[f];
    if (entity === 'people' && 'role' in values) row.role = values.role;
    if (entity === 'sections') {
      if ('schoolSourceId' in values) row.schoolId = this.ids.schools!.get(values.schoolSourceId!);
      if ('courseSourceId' in values) row.courseId = values.courseSourceId ? this.ids.courses!.get(values.courseSourceId) ?? null : null;
      if ('termSourceId' in values) row.termId = values.termSourceId ? this.ids.terms!.get(values.termSourceId) ?? null : null;
    }
    return row;
  }

  private async applyEntity(entity: EntityType, plan: EntityPlan): Promise<void> {
    const table = ROSTER_TABLES[entity].table;
    let written = 0;
    const tick = (n: number) => {
      written += n;
      if (written > 0) this.onProgress?.(entity, written);
    };
    const changes: unknown[][] = [];

    for (const r of plan.restores) {
      const row = this.columns(entity, r.record.values, r.record.key);
      await this.updateRow(table, { ...row, deletedAt: null, deletedByRunId: null, sourceId: r.record.sourceId }, r.id);
      changes.push([this.runId, this.districtId, entity, r.id, this.label(entity, r.record.key, r.record.sourceId), ChangeAction.RESTORE, JSON.stringify(r.before), JSON.stringify(r.record.values)]);
    }
    tick(plan.restores.length);

    if (plan.creates.length > 0) {
      const sample = this.columns(entity, plan.creates[0].values, plan.creates[0].key);
      const cols = ['districtId', 'sourceId', ...Object.keys(sample), 'createdByRunId', 'lastSeenRunId'];
      const BATCH = 5000;
      for (let i = 0; i < plan.creates.length; i += BATCH) {
        const rows = plan.creates.slice(i, i + BATCH).map((c) => {
          const row = this.columns(entity, c.values, c.key);
          return [this.districtId, c.sourceId, ...Object.keys(sample).map((k) => row[k] ?? null), this.runId, this.runId];
        });
        await insertRows(this.em, table, cols, rows);
        tick(rows.length);
      }
    }

    for (const u of plan.updates) {
      await this.updateRow(table, this.columns(entity, u.after, u.record.key), u.id);
      changes.push([this.runId, this.districtId, entity, u.id, this.label(entity, u.record.key, u.record.sourceId), ChangeAction.UPDATE, JSON.stringify(u.before), JSON.stringify(u.after)]);
      if (++written % 500 === 0) tick(0);
    }
    tick(0);

    await updateByIds(this.em, table, 'deletedAt = CURRENT_TIMESTAMP, deletedByRunId = ?, updatedAt = updatedAt', [this.runId], plan.deletes.map((d) => d.id));
    tick(plan.deletes.length);
    // Explicit updatedAt = updatedAt: MySQL's ON UPDATE would otherwise stamp every row seen.
    await updateByIds(this.em, table, 'lastSeenRunId = ?, updatedAt = updatedAt', [this.runId], plan.unchangedIds);
    tick(plan.unchangedIds.length);

    if (entity === 'people') await this.writePersonSchools(plan);
    await insertRows(this.em, 'sync_change', ['runId', 'districtId', 'entityType', 'entityId', 'sourceId', 'action', 'before', 'after'], changes);
  }

  private label(entity: EntityType, key: string, sourceId: string | null): string {
    if (entity !== 'enrollments') return sourceId ?? key;
    const [sec, per, role] = key.split(SEP);
    return `${sec}/${per}/${role}`.slice(0, 255);
  }

  private async updateRow(table: string, row: Row, id: number): Promise<void> {
    const cols = Object.keys(row).filter((c) => row[c] !== undefined);
    await this.em.query(
      `UPDATE ${table} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')}${cols.length ? ', ' : ''}updatedByRunId = ?, lastSeenRunId = ?, updatedAt = CURRENT_TIMESTAMP WHERE id = ?`,
      [...cols.map((c) => row[c]), this.runId, this.runId, id],
    );
  }

  /** Rewrites school memberships of people created, restored or whose schools changed. */
  private async writePersonSchools(plan: EntityPlan): Promise<void> {
    const people = await this.loadIdsInTx('people');
    const touched: PlannedRecord[] = [...plan.creates, ...plan.restores.map((r) => r.record), ...plan.updates.filter((u) => 'schools' in u.after).map((u) => u.record)];
    if (touched.length === 0) return;
    const personIds = touched.map((r) => people.get(r.sourceId!)!).filter((x) => x !== undefined);
    for (let i = 0; i < personIds.length; i += 5000) {
      await this.em.query(`DELETE FROM person_school WHERE personId IN (${personIds.slice(i, i + 5000).join(', ')})`);
    }
    const rows: unknown[][] = [];
    for (const r of touched) {
      const personId = people.get(r.sourceId!);
      if (personId === undefined) continue;
      for (const school of (r.values.schools ?? '').split(',').filter(Boolean)) {
        const schoolId = this.ids.schools!.get(school);
        if (schoolId !== undefined) rows.push([personId, schoolId, this.districtId]);
      }
    }
    await insertRows(this.em, 'person_school', ['personId', 'schoolId', 'districtId'], rows);
  }
}

import type { EntityManager } from 'typeorm';
import { ENTITY_TYPES, type EntityType } from '../../roster/roster-enums.js';
import { ChangeAction } from '../sync-enums.js';
import { inLists, insertRows, q, updateByIds } from './batch-sql.js';
import { applyCreates } from './create-applier.js';
import { idsBySourceId } from './existing-records.js';
import type { IdBitmap } from './id-bitmap.js';
import { PhaseTimer } from './phase-timer.js';
import type { PlanStore } from './plan-store.js';
import { ROSTER_TABLES } from './roster-tables.js';
import { linkSectionPredecessors } from './section-continuity.js';
import { StepPacer } from './step-pacer.js';
import { splitEnrollmentKey, type PlanItem, type Values } from './sync-plan.js';

type Row = Record<string, unknown>;
/** Source id → row id, per referenced table, for one batch. */
type Refs = Record<string, Map<string, number>>;

export const CHANGE_COLUMNS = ['runId', 'districtId', 'entityType', 'entityId', 'sourceId', 'action', 'before', 'after'];

/** The change-record row of a planned change (entityId: the record's id once it exists). */
export function changeRow(runId: number, districtId: number, item: PlanItem, entityId: number | null): unknown[] {
  return [
    runId,
    districtId,
    item.entityType,
    entityId,
    item.label,
    item.action,
    item.before ? JSON.stringify(item.before) : null,
    item.after ? JSON.stringify(item.after) : null,
  ];
}

/**
 * Writes a staged plan inside the caller's transaction, entity type by entity type (so
 * references resolve to rows just written), reading it back in bounded batches. Every
 * change gets its row in the run's change record.
 */
export class SyncApplier {
  constructor(
    private readonly em: EntityManager,
    private readonly districtId: number,
    private readonly runId: number,
    private readonly store: PlanStore,
    private readonly unchanged: Record<EntityType, IdBitmap>,
    private readonly onProgress?: (entity: EntityType, written: number) => void,
    private readonly timer = new PhaseTimer(),
    private readonly pacer = new StepPacer(null),
  ) {}

  async apply(): Promise<void> {
    for (const entity of ENTITY_TYPES) {
      let written = 0;
      await applyCreates(
        this.em,
        this.store.tables,
        entity,
        { districtId: this.districtId, runId: this.runId },
        (n) => {
          written = n;
          this.onProgress?.(entity, written);
        },
        this.timer,
        this.pacer,
      );
      const planned = performance.now();
      for await (const batch of this.store.batches(entity, { db: this.em })) {
        await this.applyBatch(entity, batch);
        written += batch.length;
        this.onProgress?.(entity, written);
        await this.pacer.pause();
      }
      this.timer.add(`apply.plan.${entity}`, performance.now() - planned);
      const stamped = performance.now();
      // Explicit updatedAt = updatedAt: MySQL's ON UPDATE would otherwise stamp every row seen.
      for (const { ranges, ids } of this.unchanged[entity].slices(20000)) {
        const table = ROSTER_TABLES[entity].table;
        for (const [first, last] of ranges) {
          await this.em.query(`UPDATE ${table} SET lastSeenRunId = ?, updatedAt = updatedAt WHERE id BETWEEN ? AND ?`, [this.runId, first, last]);
          written += last - first + 1;
        }
        await updateByIds(this.em, table, 'lastSeenRunId = ?, updatedAt = updatedAt', [this.runId], ids);
        written += ids.length;
        this.onProgress?.(entity, written);
        await this.pacer.pause();
      }
      this.timer.add(`apply.unchanged.${entity}`, performance.now() - stamped);
    }
    await this.timer.time('apply.continuity', () => linkSectionPredecessors(this.em, this.districtId, this.runId));
  }

  private async applyBatch(entity: EntityType, batch: PlanItem[]): Promise<void> {
    const table = ROSTER_TABLES[entity].table;
    const refs = await this.resolveRefs(entity, batch);
    const changes: unknown[][] = [];
    for (const item of batch) {
      if (item.action === ChangeAction.UPDATE) await this.updateRow(table, this.columns(entity, item.after!, item.recordKey, refs), item.entityId!);
      if (item.action === ChangeAction.RESTORE) {
        await this.updateRow(
          table,
          {
            ...this.columns(entity, item.after!, item.recordKey, refs),
            deletedAt: null,
            deletedByRunId: null,
            endedAt: null,
            endedByRunId: null,
            sourceId: item.sourceId ?? undefined,
          },
          item.entityId!,
        );
      }
      changes.push(changeRow(this.runId, this.districtId, item, item.entityId));
    }
    const ids = (action: ChangeAction) => batch.filter((i) => i.action === action).map((i) => i.entityId!);
    await updateByIds(this.em, table, 'deletedAt = CURRENT_TIMESTAMP, deletedByRunId = ?, updatedAt = updatedAt', [this.runId], ids(ChangeAction.DELETE));
    await updateByIds(
      this.em,
      table,
      'endedAt = CURRENT_TIMESTAMP, endedByRunId = ?, lastSeenRunId = ?, updatedAt = updatedAt',
      [this.runId, this.runId],
      ids(ChangeAction.END),
    );
    if (entity === 'people') await this.writePersonSchools(batch, refs);
    await insertRows(this.em, 'sync_change', CHANGE_COLUMNS, changes);
  }

  /** Row ids of the records this batch references by source id (live rows, including ones created earlier in this transaction). */
  private async resolveRefs(entity: EntityType, batch: PlanItem[]): Promise<Refs> {
    const wanted: Record<string, Set<string>> = {};
    const want = (table: string, id: string | null | undefined) => id && (wanted[table] ??= new Set()).add(id);
    for (const item of batch) {
      if (item.action === ChangeAction.DELETE) continue;
      const v = item.after ?? {};
      if (entity === 'sections') {
        want('school', v.schoolSourceId);
        want('course', v.courseSourceId);
        want('term', v.termSourceId);
      }
      if (entity === 'people') for (const s of (v.schools ?? '').split(',')) want('school', s);
      if (entity === 'enrollments') {
        const [section, person] = splitEnrollmentKey(item.recordKey);
        want('section', section);
        want('person', person);
      }
    }
    const refs: Refs = {};
    for (const [table, ids] of Object.entries(wanted)) refs[table] = await idsBySourceId(this.em, this.districtId, table, [...ids], true);
    return refs;
  }

  /** Column values of a planned record, references resolved to ids; an update carries only its changed fields. */
  private columns(entity: EntityType, values: Values, key: string, refs: Refs): Row {
    const row: Row = {};
    if (entity === 'enrollments') {
      const [section, person, role] = splitEnrollmentKey(key);
      row.sectionId = refs.section?.get(section);
      row.personId = refs.person?.get(person);
      row.role = role;
      if ('primary' in values) row.primary = values.primary === 'true' ? 1 : 0;
      if ('beginDate' in values) row.beginDate = values.beginDate ?? null;
      if ('endDate' in values) row.endDate = values.endDate ?? null;
      return row;
    }
    for (const f of ROSTER_TABLES[entity].fields) if (f in values) row[f] = values[f];
    if (entity === 'people' && 'role' in values) row.role = values.role;
    if (entity === 'sections') {
      if ('schoolSourceId' in values) row.schoolId = refs.school?.get(values.schoolSourceId!);
      if ('courseSourceId' in values) row.courseId = values.courseSourceId ? (refs.course?.get(values.courseSourceId) ?? null) : null;
      if ('termSourceId' in values) row.termId = values.termSourceId ? (refs.term?.get(values.termSourceId) ?? null) : null;
    }
    return row;
  }

  private async updateRow(table: string, row: Row, id: number): Promise<void> {
    const cols = Object.keys(row).filter((c) => row[c] !== undefined);
    await this.em.query(
      `UPDATE ${table} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')}${cols.length ? ', ' : ''}updatedByRunId = ?, lastSeenRunId = ?, updatedAt = CURRENT_TIMESTAMP WHERE id = ?`,
      [...cols.map((c) => row[c]), this.runId, this.runId, id],
    );
  }

  /** Rewrites the school memberships of people restored or whose schools changed in this batch (created people's are set-based). */
  private async writePersonSchools(batch: PlanItem[], refs: Refs): Promise<void> {
    const touched = batch.filter((i) => i.action === ChangeAction.RESTORE || (i.action === ChangeAction.UPDATE && 'schools' in i.after!));
    const rows: unknown[][] = [];
    const personIds: number[] = [];
    for (const item of touched) {
      const personId = item.entityId!;
      personIds.push(personId);
      for (const school of (item.after!.schools ?? '').split(',').filter(Boolean)) {
        const schoolId = refs.school?.get(school);
        if (schoolId !== undefined) rows.push([personId, schoolId, this.districtId]);
      }
    }
    for (const list of inLists(personIds)) await this.em.query(`DELETE FROM person_school WHERE personId IN (${list.sql})`, list.params);
    await insertRows(this.em, 'person_school', ['personId', 'schoolId', 'districtId'], rows);
  }
}

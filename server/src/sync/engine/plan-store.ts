import type { DataSource, EntityManager } from 'typeorm';
import { ENTITY_TYPES, type EntityType } from '../../roster/roster-enums.js';
import { ChangeAction, type RunCounts } from '../sync-enums.js';
import { inLists } from './batch-sql.js';
import { insertStageRows } from './stage-insert.js';
import { dialectOf, insertIgnore } from './sql-dialect.js';
import { CreateStage } from './create-stage.js';
import type { StageTables } from './stage-tables.js';
import { emptyCounts, type PlanItem, type Values } from './sync-plan.js';

const COLUMNS = ['entityType', 'action', 'entityId', 'sourceId', 'label', 'recordKey', 'schoolId', 'role', 'beforeValues', 'afterValues'];

type Row = Record<string, unknown>;

/** A person's or section's state in the source, and the id of the record Homeroom has. */
export interface KeyEntry {
  state: string;
  id: number | null;
}

const json = (v: Values | null) => (v ? JSON.stringify(v) : null);
const parse = (v: unknown): Values | null => (v === null || v === undefined ? null : JSON.parse(String(v)));

const ACTION_COUNT: Record<string, keyof ReturnType<typeof emptyCounts>> = {
  [ChangeAction.CREATE]: 'created',
  [ChangeAction.UPDATE]: 'updated',
  [ChangeAction.DELETE]: 'deleted',
  [ChangeAction.RESTORE]: 'restored',
  [ChangeAction.END]: 'ended',
};

/**
 * Writes and reads back a run's staged plan, in bounded batches: changes to existing
 * records in the plan table, records to create in their entity type's create table.
 */
export class PlanStore {
  readonly creates: CreateStage;

  constructor(
    private readonly ds: DataSource,
    readonly tables: StageTables,
  ) {
    this.creates = new CreateStage(ds, tables);
  }

  /** Stages changes to existing records (every action but CREATE). */
  async add(items: PlanItem[]): Promise<void> {
    if (items.length === 0) return;
    await insertStageRows(
      this.ds,
      this.tables.plan,
      COLUMNS,
      items.map((p) => [p.entityType, p.action, p.entityId, p.sourceId, p.label, p.recordKey, p.schoolId, p.role, json(p.before), json(p.after)]),
    );
  }

  /**
   * Records the source state of people and sections (K kept, E ended, F filtered, I invalid)
   * for later entity types, with the id of the record Homeroom has (null: none, or not looked up).
   */
  async addKeys(entity: EntityType, keys: Array<[sourceId: string, state: string, entityId: number | null]>): Promise<void> {
    if (keys.length === 0) return;
    await insertStageRows(
      this.ds,
      this.tables.keys,
      ['entityType', 'sourceId', 'state', 'entityId'],
      keys.map(([id, state, entityId]) => [entity, id, state, entityId]),
      { verb: insertIgnore(dialectOf(this.ds)) },
    );
  }

  /** The state (and existing id) of each given source id that the source sent; absent ids are not in the map. */
  async keyStates(entity: EntityType, sourceIds: string[]): Promise<Map<string, KeyEntry>> {
    const states = new Map<string, KeyEntry>();
    const unique = [...new Set(sourceIds)];
    for (const list of inLists(unique)) {
      const rows: Array<{ sourceId: string; state: string; entityId: number | null }> = await this.ds.query(
        `SELECT sourceId, state, entityId FROM ${this.tables.keys} WHERE entityType = ? AND sourceId IN (${list.sql})`,
        [entity, ...list.params],
      );
      for (const r of rows) states.set(String(r.sourceId), { state: String(r.state), id: r.entityId === null ? null : Number(r.entityId) });
    }
    return states;
  }

  /**
   * Planned changes of one entity type (one action, or all) in id order, `size` at a time;
   * `db` may be a transaction. An entity type's rows are contiguous (planned one type at a
   * time), so the primary key range is the index.
   */
  async *batches(entity: EntityType, options: { action?: ChangeAction; size?: number; db?: EntityManager } = {}): AsyncGenerator<PlanItem[]> {
    const db = options.db ?? this.ds.manager;
    const size = options.size ?? 2000;
    let after = 0;
    for (;;) {
      const rows: Row[] = await db.query(
        `SELECT id, ${COLUMNS.join(', ')} FROM ${this.tables.plan} WHERE entityType = ?${options.action ? ' AND action = ?' : ''} AND id > ? ORDER BY id LIMIT ${size}`,
        options.action ? [entity, options.action, after] : [entity, after],
      );
      if (rows.length === 0) return;
      yield rows.map(toItem);
      if (rows.length < size) return;
      after = Number(rows[rows.length - 1].id);
    }
  }

  /** Created, updated, deleted, restored and ended per entity type (unchanged is counted by the planner). */
  async counts(): Promise<RunCounts> {
    const counts: RunCounts = {};
    const created = await this.creates.counts();
    for (const e of ENTITY_TYPES) counts[e] = { ...emptyCounts(), created: created[e] };
    const rows: Array<{ entityType: string; action: string; n: number }> = await this.ds.query(
      `SELECT entityType, action, COUNT(*) AS n FROM ${this.tables.plan} GROUP BY entityType, action`,
    );
    for (const r of rows) counts[r.entityType][ACTION_COUNT[r.action]] = Number(r.n);
    return counts;
  }

  /** Planned deletions grouped by a column (role or schoolId) for one entity type. */
  async deletesBy(entity: EntityType, column: 'role' | 'schoolId'): Promise<Map<string, number>> {
    const rows: Array<{ k: unknown; n: number }> = await this.ds.query(
      `SELECT ${column} AS k, COUNT(*) AS n FROM ${this.tables.plan} WHERE entityType = ? AND action = ? AND ${column} IS NOT NULL GROUP BY ${column}`,
      [entity, ChangeAction.DELETE],
    );
    return new Map(rows.map((r) => [String(r.k), Number(r.n)]));
  }
}

function toItem(r: Row): PlanItem {
  return {
    id: Number(r.id),
    entityType: r.entityType as EntityType,
    action: r.action as ChangeAction,
    entityId: r.entityId === null ? null : Number(r.entityId),
    sourceId: r.sourceId === null ? null : String(r.sourceId),
    label: String(r.label),
    recordKey: String(r.recordKey),
    schoolId: r.schoolId === null ? null : Number(r.schoolId),
    role: r.role === null ? null : String(r.role),
    before: parse(r.beforeValues),
    after: parse(r.afterValues),
  };
}

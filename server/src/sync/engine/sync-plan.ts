import type { EntityType } from '../../roster/roster-enums.js';
import type { EntityCounts } from '../sync-enums.js';

export type Values = Record<string, string | null>;

/** A source record after mapping, validation and filtering, ready to compare. */
export interface PlannedRecord {
  /** sourceId, or for enrollments "section|person|role" of source ids. */
  key: string;
  sourceId: string | null;
  /** Compared and written values: scalar fields plus references as source ids (schoolSourceId, schools, role, …). */
  values: Values;
}

export interface ExistingRecord {
  id: number;
  sourceId: string | null;
  deleted: boolean;
  values: Values;
  /** Set by the planner when the source has this record (saves a set of every key). */
  seen?: boolean;
}

export interface PlannedUpdate {
  id: number;
  record: PlannedRecord;
  before: Values;
  after: Values;
}

export interface PlannedRestore {
  id: number;
  record: PlannedRecord;
  before: Values;
}

export interface PlannedDelete {
  id: number;
  sourceId: string | null;
  values: Values;
}

export interface EntityPlan {
  creates: PlannedRecord[];
  updates: PlannedUpdate[];
  restores: PlannedRestore[];
  deletes: PlannedDelete[];
  unchangedIds: number[];
  /** Records of the district not deleted before the run: the base of the Reset threshold. */
  activeBefore: number;
}

export type SyncPlan = Record<EntityType, EntityPlan>;

export function emptyEntityPlan(): EntityPlan {
  return { creates: [], updates: [], restores: [], deletes: [], unchangedIds: [], activeBefore: 0 };
}

export function countsOf(plan: EntityPlan): EntityCounts {
  return {
    created: plan.creates.length,
    updated: plan.updates.length,
    deleted: plan.deletes.length,
    restored: plan.restores.length,
    unchanged: plan.unchangedIds.length,
  };
}

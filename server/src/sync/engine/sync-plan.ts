import type { EntityType } from '../../roster/roster-enums.js';
import type { ChangeAction, EntityCounts } from '../sync-enums.js';

export type Values = Record<string, string | null>;

/** A source record after mapping, validation and filtering, ready to compare. */
export interface PlannedRecord {
  /** sourceId, or for enrollments section, person and role source ids joined by SEP. */
  key: string;
  sourceId: string | null;
  /** Compared and written values: scalar fields plus references as source ids (schoolSourceId, schools, role, …). */
  values: Values;
}

/** A record of the district as it is, keyed the way source records are. */
export interface ExistingRecord {
  id: number;
  key: string;
  sourceId: string | null;
  deleted: boolean;
  values: Values;
  /** For sections and enrollments: the school the record belongs to (the per-school guard). */
  schoolId: number | null;
  /** For people and enrollments. */
  role: string | null;
  /** Hidden from the live roster: the source sent it but it was not active on a sync date. */
  ended: boolean;
}

/** One planned change, as staged in the run's plan table. */
export interface PlanItem {
  id?: number;
  entityType: EntityType;
  action: ChangeAction;
  entityId: number | null;
  sourceId: string | null;
  label: string;
  recordKey: string;
  schoolId: number | null;
  role: string | null;
  before: Values | null;
  after: Values | null;
}

/** Separates the source ids inside an enrollment key; a trimmed source id holds no control character. */
export const SEP = '\u001f';

export function enrollmentKey(sectionSourceId: string, personSourceId: string, role: string): string {
  return `${sectionSourceId}${SEP}${personSourceId}${SEP}${role}`;
}

export function splitEnrollmentKey(key: string): [section: string, person: string, role: string] {
  const [section, person, role] = key.split(SEP);
  return [section, person, role];
}

/** How a change names its record for people: the source id, or section/person/role for an enrollment without one. */
export function changeLabel(key: string, sourceId: string | null): string {
  return (sourceId ?? key.split(SEP).join('/')).slice(0, 255);
}

export function emptyCounts(): EntityCounts {
  return { created: 0, updated: 0, deleted: 0, restored: 0, ended: 0, unchanged: 0 };
}

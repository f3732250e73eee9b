import type { EntityType } from '../../roster/roster-enums.js';
import { ROSTER_TABLES } from './roster-tables.js';

/**
 * The values of a record to create, one text column each, named as the planner's `Values`
 * (the change record's `after` is built from them, so it reads as an update's does).
 * Enrollments also carry their key: section, person and role source ids.
 */
export const CREATE_STAGE_VALUES: Record<EntityType, string[]> = {
  schools: ROSTER_TABLES.schools.fields,
  terms: ROSTER_TABLES.terms.fields,
  courses: ROSTER_TABLES.courses.fields,
  people: [...ROSTER_TABLES.people.fields, 'role', 'schools'],
  sections: [...ROSTER_TABLES.sections.fields, 'schoolSourceId', 'courseSourceId', 'termSourceId'],
  enrollments: ['primary', 'beginDate', 'endDate'],
};

const ENROLLMENT_KEY = ['sectionSourceId', 'personSourceId', 'role'];

export const CREATE_STAGE_COLUMNS: Record<EntityType, string[]> = {
  ...CREATE_STAGE_VALUES,
  enrollments: [...ENROLLMENT_KEY, ...CREATE_STAGE_VALUES.enrollments],
};

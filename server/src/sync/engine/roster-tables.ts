import type { EntityType } from '../../roster/roster-enums.js';

/**
 * The field holding a record's additional source fields (mapped as `extra.<name>`) as one
 * canonical JSON string, so change detection compares it like any other field.
 */
export const EXTRA = 'extra';
export const EXTRA_PREFIX = 'extra.';

/**
 * The scalar columns a sync compares and writes per entity type, and the table they live
 * in. References (schoolId, termId, …) are resolved separately from source ids.
 */
export const ROSTER_TABLES: Record<EntityType, { table: string; fields: string[]; required: string[]; dates: string[]; blankWithIssue?: string[] }> = {
  schools: {
    table: 'school',
    fields: ['name', 'schoolNumber', 'stateId', 'ncesId', 'lowGrade', 'highGrade', 'principal', EXTRA],
    required: ['name'],
    dates: [],
  },
  terms: { table: 'term', fields: ['name', 'startDate', 'endDate'], required: ['name'], dates: ['startDate', 'endDate'] },
  courses: { table: 'course', fields: ['name', 'number', 'subject'], required: ['name'], dates: [] },
  people: {
    table: 'person',
    fields: ['givenName', 'middleName', 'familyName', 'email', 'username', 'sisId', 'stateId', 'grade', EXTRA],
    required: [],
    // Real sources (Clever's spec allows null names) send people without a first or last name: synced, with an issue.
    blankWithIssue: ['givenName', 'familyName'],
    dates: [],
  },
  sections: { table: 'section', fields: ['name', 'sectionNumber', 'period', 'grade', 'subject', EXTRA], required: ['name'], dates: [] },
  enrollments: { table: 'enrollment', fields: [], required: [], dates: [] },
};

/** Column lengths, so a too-long value becomes an issue instead of a database error. */
export const FIELD_MAX_LENGTH: Record<string, number> = {
  name: 255,
  givenName: 255,
  middleName: 255,
  familyName: 255,
  email: 255,
  username: 255,
  principal: 255,
  schoolNumber: 64,
  stateId: 64,
  ncesId: 64,
  sisId: 64,
  number: 64,
  sectionNumber: 64,
  lowGrade: 32,
  highGrade: 32,
  grade: 32,
  period: 32,
  subject: 128,
  startDate: 10,
  endDate: 10,
  extra: 60000,
};

export const SINGULAR: Record<EntityType, string> = {
  schools: 'School',
  terms: 'Term',
  courses: 'Course',
  people: 'Person',
  sections: 'Section',
  enrollments: 'Enrollment',
};

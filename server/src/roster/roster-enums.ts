/** The kinds of roster record a sync handles, in the order they are synced. */
export const ENTITY_TYPES = ['schools', 'terms', 'courses', 'people', 'sections', 'enrollments'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export enum PersonRole {
  STUDENT = 'STUDENT',
  TEACHER = 'TEACHER',
}

export enum SourceKind {
  CLEVER_API = 'clever-api',
  CLEVER_CSV = 'clever-csv',
  ONEROSTER_CSV = 'oneroster-csv',
  ONEROSTER_API = 'oneroster-api',
  DEMO = 'demo',
}

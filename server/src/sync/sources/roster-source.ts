import type { EntityType, PersonRole, SourceKind } from '../../roster/roster-enums.js';

/** Scalar fields as the source names them; the district's field mappings pick from these. */
export type RawFields = Record<string, string | number | boolean | null | undefined>;

export interface SchoolRecord {
  sourceId: string;
  fields: RawFields;
}
export interface TermRecord {
  sourceId: string;
  fields: RawFields;
}
export interface CourseRecord {
  sourceId: string;
  fields: RawFields;
}
export interface PersonRecord {
  sourceId: string;
  role: PersonRole;
  schoolSourceIds: string[];
  fields: RawFields;
}
export interface SectionRecord {
  sourceId: string;
  schoolSourceId: string;
  courseSourceId: string | null;
  /** The first active one becomes the section's term. */
  termSourceIds: string[];
  fields: RawFields;
}
export interface EnrollmentRecord {
  sourceId: string | null;
  sectionSourceId: string;
  personSourceId: string;
  role: PersonRole;
  primary: boolean;
  beginDate?: string | null;
  endDate?: string | null;
}

export interface SourceRecordOf {
  schools: SchoolRecord;
  terms: TermRecord;
  courses: CourseRecord;
  people: PersonRecord;
  sections: SectionRecord;
  enrollments: EnrollmentRecord;
}

/** Default source field for each Homeroom field, per entity type. */
export type FieldMappingTable = Partial<Record<EntityType, Record<string, string>>>;

/** A problem found while reading the source that is about one record, not the whole run. */
export interface SourceProblem {
  entityType: EntityType;
  sourceId: string | null;
  code: string;
  message: string;
}

/**
 * One rostering source. `records` streams one entity type at a time, in ENTITY_TYPES
 * order; it throws SourceError when the source as a whole cannot be read.
 */
export interface RosterSource {
  readonly kind: SourceKind;
  defaultMappings(): FieldMappingTable;
  records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]>;
  /** Record-level problems found while reading (bad rows, skipped roles); drained by the engine. */
  takeProblems?(): SourceProblem[];
  /** The district's name as the source reports it, and counts, for "test connection". */
  describe?(signal?: AbortSignal): Promise<{ districtName: string | null; counts: Partial<Record<EntityType, number>>; hostKey?: string }>;
  /**
   * The source fields (columns, flattened keys) records of this entity type can carry, read
   * from the source itself (a CSV header, a first page); null when the source cannot tell.
   * Mappings naming anything else are refused (see mapping-check.ts).
   */
  availableFields?(entity: EntityType, signal?: AbortSignal): Promise<string[] | null>;
  close?(): Promise<void>;
}

/** The source as a whole cannot be read (missing file or column, rejected token, server down). */
export { SourceError } from '../../errors.js';

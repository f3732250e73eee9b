import { PersonRole, type EntityType } from '../../roster/roster-enums.js';
import type { IssueCollector } from './issue-collector.js';
import { coversDate } from './normalize.js';
import type { PlannedRecord } from './sync-plan.js';

/**
 * K: synced; E: in the source but not active on the sync date (ended, never deleted);
 * F: in the source but filtered out (not selected); I: in the source but unusable, so what
 * Homeroom has is kept.
 */
export type KeyState = 'K' | 'E' | 'F' | 'I';

/** Schools, terms and courses the source sent: few per district, so held in memory for later entity types. */
export class SmallScope {
  readonly schoolsInSource = new Set<string>();
  readonly schools = new Set<string>();
  /** Schools the source sent but invalid: what belongs to them is kept as it is. */
  readonly invalidSchools = new Set<string>();
  /** Term source id → active on the sync date. */
  readonly terms = new Map<string, boolean>();
  readonly courses = new Set<string>();
  /** Source ids already read, per small entity type, to find duplicates. */
  readonly read: Partial<Record<EntityType, Set<string>>> = {};

  /** True when any of an existing record's schools (comma-separated source ids) is still in the source. */
  schoolStillSent(schools: string | null | undefined): boolean {
    return (schools ?? '').split(',').some((x) => x && this.schoolsInSource.has(x));
  }

  firstTime(entity: EntityType, sourceId: string): boolean {
    const set = (this.read[entity] ??= new Set());
    if (set.has(sourceId)) return false;
    set.add(sourceId);
    return true;
  }
}

export interface FilterResult {
  state: KeyState;
  /** A reference the source names but does not have: an existing record is kept as it is. */
  keepExisting?: boolean;
  /**
   * The record names only schools the source does not have: a mistyped reference if the
   * existing record's school is still in the source (kept as it is), or the record belongs to
   * a school the source no longer shares (not synced; a Reset removes it with its school).
   */
  unknownSchool?: boolean;
}

/**
 * The filter step (docs/ARCHITECTURE.md, the life of a sync run): school selection, the sync date, and references to records
 * the source does not have. A record that cannot be placed keeps its current state.
 */
export class RecordFilter {
  constructor(
    private readonly scope: SmallScope,
    private readonly issues: IssueCollector,
    private readonly asOf: string,
    private readonly schoolSelection: string[] | null,
  ) {}

  async filter(entity: EntityType, record: PlannedRecord, raw: any): Promise<FilterResult> {
    const id = record.sourceId!;
    const s = this.scope;
    switch (entity) {
      case 'schools':
        s.schoolsInSource.add(id);
        if (this.schoolSelection && !this.schoolSelection.includes(id)) {
          await this.issues.warn(
            'schools',
            id,
            'SCHOOL_NOT_SELECTED',
            `School ${record.values.name} (${id}) is not selected for syncing; its sections and people were not synced.`,
            record.values.name,
          );
          return { state: 'F' };
        }
        s.schools.add(id);
        return { state: 'K' };
      case 'terms': {
        const active = coversDate(record.values.startDate, record.values.endDate, this.asOf);
        s.terms.set(id, active);
        if (!active)
          await this.issues.warn(
            'terms',
            id,
            'NOT_ACTIVE',
            `Term ${record.values.name} (${record.values.startDate ?? '…'} to ${record.values.endDate ?? '…'}) is not active on ${this.asOf}; its sections were not synced (those Homeroom has are ended, not deleted).`,
          );
        return { state: active ? 'K' : 'E' };
      }
      case 'courses':
        s.courses.add(id);
        return { state: 'K' };
      case 'people':
        return this.person(record, raw);
      case 'sections':
        return this.section(record, raw);
      default:
        return { state: 'K' };
    }
  }

  private async person(record: PlannedRecord, raw: any): Promise<FilterResult> {
    const id = record.sourceId!;
    const s = this.scope;
    const role: PersonRole = raw.role === PersonRole.TEACHER ? PersonRole.TEACHER : PersonRole.STUDENT;
    const schools: string[] = [...new Set<string>((raw.schoolSourceIds ?? []).map(String))].sort();
    const synced = schools.filter((x) => s.schools.has(x));
    if (synced.length > 0) {
      record.values.role = role;
      record.values.schools = synced.join(',');
      return { state: 'K' };
    }
    const who = role === PersonRole.TEACHER ? 'Teacher' : 'Student';
    const name = `${record.values.givenName} ${record.values.familyName}`;
    if (schools.length === 0) {
      // The email is in the message: support asks "why is this teacher missing?" by email.
      const email = record.values.email ? `, ${record.values.email}` : '';
      await this.issues.error(
        'people',
        id,
        role === PersonRole.TEACHER ? 'TEACHER_NO_SCHOOL' : 'STUDENT_NO_SCHOOL',
        `${who} ${name} (${id}${email}) is assigned to the district but to no school; ${who.toLowerCase()}s must belong to a synced school.`,
      );
      return { state: 'F' };
    }
    if (schools.some((x) => s.invalidSchools.has(x))) return { state: 'I' };
    if (schools.some((x) => s.schoolsInSource.has(x))) {
      await this.issues.warn(
        'people',
        id,
        'SCHOOL_NOT_SELECTED',
        `${who} ${name} (${id}) belongs only to schools not selected for syncing (${schools.join(', ')}).`,
      );
      return { state: 'F' };
    }
    await this.issues.error(
      'people',
      id,
      'UNKNOWN_SCHOOL',
      `${who} ${name} (${id}) names school ${schools.join(', ')}, which the source does not have; it was not synced (Homeroom keeps an existing ${who.toLowerCase()} as it is while their current school is still in the source).`,
    );
    return { state: 'F', unknownSchool: true };
  }

  private async section(record: PlannedRecord, raw: any): Promise<FilterResult> {
    const id = record.sourceId!;
    const s = this.scope;
    const school = String(raw.schoolSourceId ?? '');
    if (!s.schools.has(school)) {
      if (s.invalidSchools.has(school)) return { state: 'I' };
      if (s.schoolsInSource.has(school)) {
        await this.issues.warn(
          'sections',
          id,
          'SCHOOL_NOT_SELECTED',
          `Section ${record.values.name} (${id}) belongs to school ${school}, which is not selected for syncing.`,
        );
        return { state: 'F' };
      }
      await this.issues.error(
        'sections',
        id,
        'UNKNOWN_SCHOOL',
        `Section ${record.values.name} (${id}) names school "${school}", which the source does not have; it was not synced (Homeroom keeps an existing section and its enrollments as they are while its current school is still in the source).`,
      );
      return { state: 'F', unknownSchool: true };
    }
    let keepExisting = false;
    const termIds: string[] = (raw.termSourceIds ?? []).map(String).filter(Boolean);
    const known = termIds.filter((t) => s.terms.has(t));
    if (termIds.length > 0 && known.length === 0) {
      await this.issues.warn(
        'sections',
        id,
        'UNKNOWN_TERM',
        `Section ${record.values.name} (${id}) names term ${termIds.join(', ')}, which the source does not have; a new section was synced without a term, an existing one kept as it is.`,
      );
      keepExisting = true;
    }
    const active = known.filter((t) => s.terms.get(t));
    if (known.length > 0 && active.length === 0) {
      await this.issues.warn(
        'sections',
        id,
        'NOT_ACTIVE',
        `Section ${record.values.name} (${id}) has no term active on ${this.asOf}; it was not synced (if Homeroom has it, it is ended, not deleted).`,
      );
      return { state: 'E' };
    }
    const course = raw.courseSourceId ? String(raw.courseSourceId) : null;
    if (course && !s.courses.has(course)) {
      await this.issues.warn(
        'sections',
        id,
        'UNKNOWN_COURSE',
        `Section ${record.values.name} (${id}) names course "${course}", which the source does not have; a new section was synced without a course, an existing one kept as it is.`,
      );
      keepExisting = true;
    }
    record.values.schoolSourceId = school;
    record.values.courseSourceId = course && s.courses.has(course) ? course : null;
    record.values.termSourceId = active[0] ?? null;
    return { state: 'K', keepExisting };
  }
}

import { PersonRole, SourceKind, type EntityType } from '../../roster/roster-enums.js';
import { CleverHttpClient, MAX_CLEVER_PAGE_SIZE, type CleverEnvelope, type CleverHttpOptions } from './clever-http.js';
import type {
  CourseRecord,
  EnrollmentRecord,
  FieldMappingTable,
  PersonRecord,
  RawFields,
  RosterSource,
  SchoolRecord,
  SectionRecord,
  SourceProblem,
  SourceRecordOf,
  TermRecord,
} from './roster-source.js';
import { SourceError } from '../../errors.js';

export interface CleverApiSourceOptions extends CleverHttpOptions {
  /** Records per page (`limit`), 1 to 10000; default 1000. */
  pageSize?: number;
}

/** A Clever v3.0 object as it arrives (only the fields this source reads are typed). */
type CleverObject = Record<string, unknown> & { id?: string };

/**
 * Default mappings (Homeroom field → key in `fields`). Every Clever object is flattened into
 * dotted keys (`name.first`, `principal.name`, `roles.student.sis_id`, `ext.custom`); arrays
 * of plain values become comma-separated lists. A user's own role object (roles.teacher for
 * a teacher, roles.student for a student) is also flattened under `role.`, so one table
 * serves both roles truthfully:
 *   role.sis_id, role.state_id, role.grade, role.school, role.schools,
 *   role.credentials.district_username, and role.number = student_number | teacher_number.
 * Term dates are cut to YYYY-MM-DD.
 */
export const CLEVER_API_MAPPINGS: FieldMappingTable = {
  schools: {
    name: 'name',
    schoolNumber: 'school_number',
    stateId: 'state_id',
    ncesId: 'nces_id',
    lowGrade: 'low_grade',
    highGrade: 'high_grade',
    principal: 'principal.name',
  },
  terms: { name: 'name', startDate: 'start_date', endDate: 'end_date' },
  courses: { name: 'name', number: 'number' },
  people: {
    givenName: 'name.first',
    middleName: 'name.middle',
    familyName: 'name.last',
    email: 'email',
    username: 'role.credentials.district_username',
    sisId: 'role.sis_id',
    stateId: 'role.state_id',
    grade: 'role.grade',
  },
  sections: { name: 'name', sectionNumber: 'section_number', period: 'period', grade: 'grade', subject: 'subject' },
};

/** Keys of a section that list people: they become enrollments, not fields. */
const SECTION_PEOPLE = new Set(['teacher', 'teachers', 'students']);

/** Flattens nested objects to dotted keys; arrays of scalars are joined with commas, arrays of objects skipped. */
export function flattenClever(obj: unknown, prefix = '', out: RawFields = {}, skip?: Set<string>): RawFields {
  if (obj === null || typeof obj !== 'object') return out;
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    if (!prefix && skip?.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) out[path] = null;
    else if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) out[path] = value.filter((v) => v !== null && v !== undefined).join(',');
    } else if (typeof value === 'object') flattenClever(value, path, out);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[path] = value;
  }
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => x !== null) : []);
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : v);

/**
 * The Clever Data API v3.0 with a district token. Each entity type streams its endpoint page
 * by page (`rel: "next"` links), so a district is never held in memory; enrollments come from
 * the sections endpoint (read again for them): `teacher` is the primary teacher, `teachers`
 * all teachers (co-teachers), `students` the students.
 */
export class CleverApiSource implements RosterSource {
  readonly kind = SourceKind.CLEVER_API;
  readonly client: CleverHttpClient;
  private readonly pageSize: number;
  private readonly problems: SourceProblem[] = [];

  constructor(options: CleverApiSourceOptions) {
    if (!options.token) throw new SourceError('The district has no Clever token: set one with `homeroom district update <district> --token T`');
    const pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_CLEVER_PAGE_SIZE) {
      throw new SourceError(`The Clever page size must be a whole number from 1 to ${MAX_CLEVER_PAGE_SIZE}, got ${pageSize}`);
    }
    this.pageSize = pageSize;
    this.client = new CleverHttpClient(options);
  }

  defaultMappings(): FieldMappingTable {
    return CLEVER_API_MAPPINGS;
  }

  takeProblems(): SourceProblem[] {
    return this.problems.splice(0);
  }

  async *records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]> {
    const generators = {
      schools: () => this.schools(signal),
      terms: () => this.terms(signal),
      courses: () => this.courses(signal),
      people: () => this.people(signal),
      sections: () => this.sections(signal),
      enrollments: () => this.enrollments(signal),
    } as const;
    yield* generators[entity]() as AsyncIterable<SourceRecordOf[E]>;
  }

  /** Checks the token: the district's name and how many records each endpoint lists. */
  async describe(signal?: AbortSignal) {
    const districts = await this.client.getJson<CleverEnvelope<CleverObject>>('/v3.0/districts', signal);
    const districtName = str(districts?.data?.[0]?.data?.name);
    const counts: Partial<Record<EntityType, number>> = {};
    const count = async (path: string) => {
      let n = 0;
      for await (const _ of this.list(path, signal)) n++;
      return n;
    };
    counts.schools = await count('/v3.0/schools');
    counts.terms = await count('/v3.0/terms');
    counts.courses = await count('/v3.0/courses');
    counts.people = (await count('/v3.0/users?role=teacher')) + (await count('/v3.0/users?role=student'));
    let sections = 0;
    let enrollments = 0;
    for await (const s of this.list('/v3.0/sections', signal)) {
      sections++;
      enrollments += [...this.sectionEnrollments(s)].length;
    }
    counts.sections = sections;
    counts.enrollments = enrollments;
    return { districtName, counts };
  }

  /**
   * The keys records carry, from the first page of each endpoint (teachers and students
   * both, their role objects differ), plus the default mappings' fields.
   */
  async availableFields(entity: EntityType, signal?: AbortSignal): Promise<string[]> {
    const fields = new Set(Object.values(CLEVER_API_MAPPINGS[entity] ?? {}));
    const sample = async (records: AsyncIterable<{ fields?: RawFields }>) => {
      let n = 0;
      for await (const r of records) {
        for (const k of Object.keys(r.fields ?? {})) fields.add(k);
        if (++n >= this.pageSize) break;
      }
    };
    if (entity === 'people') {
      const as = async function* (self: CleverApiSource, role: PersonRole, path: string) {
        for await (const u of self.list(path, signal)) {
          const p = self.person(u, role);
          if (p) yield p;
        }
      };
      await sample(as(this, PersonRole.TEACHER, '/v3.0/users?role=teacher'));
      await sample(as(this, PersonRole.STUDENT, '/v3.0/users?role=student'));
    } else if (entity !== 'enrollments') await sample(this.records(entity, signal) as AsyncIterable<{ fields?: RawFields }>);
    this.problems.splice(0);
    return [...fields].sort();
  }

  /** Every object of a list endpoint, page after page; the next page is fetched when this one is consumed. */
  async *list(path: string, signal?: AbortSignal): AsyncGenerator<CleverObject> {
    let next: string | null = `${path}${path.includes('?') ? '&' : '?'}limit=${this.pageSize}`;
    const visited = new Set<string>();
    while (next) {
      visited.add(next);
      const page: CleverEnvelope<CleverObject> = await this.client.getJson<CleverEnvelope<CleverObject>>(next, signal);
      if (!page || !Array.isArray(page.data)) {
        throw new SourceError(`Clever's answer to GET ${next.split('?')[0]} is not a v3.0 list (no "data" array)`);
      }
      for (const item of page.data) {
        const obj = item?.data;
        if (obj && typeof obj === 'object') yield obj;
      }
      const link: string | undefined = page.links?.find((l) => l?.rel === 'next')?.uri;
      next = page.data.length > 0 && link && !visited.has(link) ? link : null;
    }
  }

  private idOf(entity: EntityType, obj: CleverObject, what: string): string | null {
    const id = str(obj.id);
    if (!id)
      this.problems.push({
        entityType: entity,
        sourceId: null,
        code: 'MISSING_REQUIRED_FIELD',
        message: `Clever listed ${what} without an id; it was skipped.`,
      });
    return id;
  }

  private async *schools(signal?: AbortSignal): AsyncGenerator<SchoolRecord> {
    for await (const s of this.list('/v3.0/schools', signal)) {
      const id = this.idOf('schools', s, 'a school');
      if (id) yield { sourceId: id, fields: flattenClever(s) };
    }
  }

  private async *terms(signal?: AbortSignal): AsyncGenerator<TermRecord> {
    for await (const t of this.list('/v3.0/terms', signal)) {
      const id = this.idOf('terms', t, 'a term');
      if (!id) continue;
      const [start, end] = [day(t.start_date), day(t.end_date)];
      // Clever's spec allows a term without a name: it is named after its dates, as the Clever CSV source does.
      const name = str(t.name) ?? (str(start) || str(end) ? `${str(start) ?? '…'} – ${str(end) ?? '…'}` : null);
      yield { sourceId: id, fields: flattenClever({ ...t, name, start_date: start, end_date: end }) };
    }
  }

  private async *courses(signal?: AbortSignal): AsyncGenerator<CourseRecord> {
    for await (const c of this.list('/v3.0/courses', signal)) {
      const id = this.idOf('courses', c, 'a course');
      // Clever's spec allows a course without a name: it is named after its number.
      if (id) yield { sourceId: id, fields: flattenClever({ ...c, name: str(c.name) ?? (str(c.number) ? `Course ${str(c.number)}` : null) }) };
    }
  }

  /** Teachers, then students. A user who is both is synced as a teacher (with an issue). */
  private async *people(signal?: AbortSignal): AsyncGenerator<PersonRecord> {
    const teachers = new Set<string>();
    for await (const u of this.list('/v3.0/users?role=teacher', signal)) {
      const p = this.person(u, PersonRole.TEACHER);
      if (!p) continue;
      teachers.add(p.sourceId);
      yield p;
    }
    for await (const u of this.list('/v3.0/users?role=student', signal)) {
      const p = this.person(u, PersonRole.STUDENT);
      if (!p) continue;
      if (teachers.has(p.sourceId)) {
        this.problems.push({
          entityType: 'people',
          sourceId: p.sourceId,
          code: 'MULTIPLE_ROLES',
          message: `Clever user ${p.sourceId} is both a teacher and a student; Homeroom synced the teacher role only.`,
        });
        continue;
      }
      yield p;
    }
  }

  private person(u: CleverObject, role: PersonRole): PersonRecord | null {
    const id = this.idOf('people', u, `a ${role.toLowerCase()}`);
    if (!id) return null;
    const key = role === PersonRole.TEACHER ? 'teacher' : 'student';
    const roleObj = ((u.roles as Record<string, unknown> | undefined)?.[key] ?? {}) as Record<string, unknown>;
    const fields = flattenClever(u);
    flattenClever(roleObj, 'role', fields);
    fields['role.number'] = str(roleObj[`${key}_number`]);
    const schoolSourceIds = [...new Set([str(roleObj.school), ...strings(roleObj.schools)].filter((x): x is string => x !== null))];
    return { sourceId: id, role, schoolSourceIds, fields };
  }

  private async *sections(signal?: AbortSignal): AsyncGenerator<SectionRecord> {
    for await (const s of this.list('/v3.0/sections', signal)) {
      const id = this.idOf('sections', s, 'a section');
      if (!id) continue;
      const term = str(s.term_id);
      yield {
        sourceId: id,
        schoolSourceId: str(s.school) ?? '',
        courseSourceId: str(s.course),
        termSourceIds: term ? [term] : [],
        fields: flattenClever(s, '', {}, SECTION_PEOPLE),
      };
    }
  }

  private async *enrollments(signal?: AbortSignal): AsyncGenerator<EnrollmentRecord> {
    for await (const s of this.list('/v3.0/sections', signal)) yield* this.sectionEnrollments(s);
  }

  /** `teacher` (or else the first of `teachers`) is primary; every teacher and student once. */
  private *sectionEnrollments(s: CleverObject): Generator<EnrollmentRecord> {
    const section = str(s.id);
    if (!section) return;
    const teachers = strings(s.teachers);
    const primary = str(s.teacher) ?? teachers[0] ?? null;
    const seen = new Set<string>();
    for (const t of [primary, ...teachers]) {
      if (!t || seen.has(t)) continue;
      seen.add(t);
      yield { sourceId: null, sectionSourceId: section, personSourceId: t, role: PersonRole.TEACHER, primary: t === primary };
    }
    const students = new Set<string>();
    for (const st of strings(s.students)) {
      if (students.has(st)) continue;
      students.add(st);
      yield { sourceId: null, sectionSourceId: section, personSourceId: st, role: PersonRole.STUDENT, primary: false };
    }
  }
}

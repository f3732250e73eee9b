import { PersonRole, SourceKind, type EntityType } from '../../roster/roster-enums.js';
import {
  checkHeader,
  CsvFileSet,
  DUPLICATE_SOURCE_ID,
  INVALID_VALUE,
  MISSING_REQUIRED_FIELD,
  parseDate,
  ProblemList,
  readRows,
  type CsvRow,
  type CsvSpec,
  shown,
} from './csv-files.js';
import type {
  CourseRecord,
  EnrollmentRecord,
  FieldMappingTable,
  PersonRecord,
  RosterSource,
  SchoolRecord,
  SectionRecord,
  SourceProblem,
  SourceRecordOf,
  TermRecord,
} from './roster-source.js';

const CO_TEACHERS = Array.from({ length: 9 }, (_, i) => `Teacher_${i + 2}_id`);

const SCHOOLS: CsvSpec = {
  file: 'schools.csv',
  entity: 'schools',
  required: ['School_id', 'School_name'],
  optional: [
    'School_number',
    'State_id',
    'NCES_id',
    'Low_grade',
    'High_grade',
    'Principal',
    'Principal_email',
    'School_address',
    'School_city',
    'School_state',
    'School_zip',
    'School_phone',
  ],
};
const STUDENTS: CsvSpec = {
  file: 'students.csv',
  entity: 'people',
  required: ['Student_id', 'School_id', 'First_name', 'Last_name'],
  optional: ['Middle_name', 'Grade', 'Student_number', 'State_id', 'Student_email', 'Username', 'Dob', 'Gender'],
};
const TEACHERS: CsvSpec = {
  file: 'teachers.csv',
  entity: 'people',
  required: ['Teacher_id', 'School_id', 'First_name', 'Last_name'],
  optional: ['Middle_name', 'Teacher_email', 'Teacher_number', 'State_teacher_id', 'Title', 'Username'],
};
const SECTIONS: CsvSpec = {
  file: 'sections.csv',
  entity: 'sections',
  required: ['Section_id', 'School_id', 'Teacher_id'],
  optional: [...CO_TEACHERS, 'Name', 'Section_number', 'Grade', 'Course_name', 'Course_number', 'Period', 'Subject', 'Term_name', 'Term_start', 'Term_end'],
};
const ENROLLMENTS: CsvSpec = { file: 'enrollments.csv', entity: 'enrollments', required: ['School_id', 'Section_id', 'Student_id'] };

/**
 * Default mappings (Homeroom field → key in `fields`). Schools, sections and courses use
 * Clever's own column names. People from students.csv and teachers.csv are yielded with
 * all their own columns plus shared keys, so one table serves both roles:
 *   Email    ← Student_email | Teacher_email
 *   Number   ← Student_number | Teacher_number
 *   State_id ← State_id (students) | State_teacher_id (teachers)
 *   Id       ← Student_id | Teacher_id
 * First_name, Middle_name, Last_name, Username and Grade are named alike in both files.
 * Terms are yielded as { Term_name, Term_start, Term_end } with YYYY-MM-DD dates; courses as
 * { Course_name, Course_number, Subject, School_id }.
 */
export const CLEVER_CSV_MAPPINGS: FieldMappingTable = {
  schools: {
    name: 'School_name',
    schoolNumber: 'School_number',
    stateId: 'State_id',
    ncesId: 'NCES_id',
    lowGrade: 'Low_grade',
    highGrade: 'High_grade',
    principal: 'Principal',
  },
  terms: { name: 'Term_name', startDate: 'Term_start', endDate: 'Term_end' },
  courses: { name: 'Course_name', number: 'Course_number', subject: 'Subject' },
  people: {
    givenName: 'First_name',
    middleName: 'Middle_name',
    familyName: 'Last_name',
    email: 'Email',
    username: 'Username',
    sisId: 'Number',
    stateId: 'State_id',
    grade: 'Grade',
  },
  sections: { name: 'Name', sectionNumber: 'Section_number', period: 'Period', grade: 'Grade', subject: 'Subject' },
};

interface SectionRow {
  id: string;
  schoolId: string;
  row: CsvRow;
}

/**
 * Clever's district SFTP export (schools, students, teachers, sections, enrollments .csv)
 * from a folder or a zip. Files are streamed; a file is re-read for each entity type that
 * needs it (terms, courses, sections and teacher enrollments all come from sections.csv).
 *
 * - A person on several rows (one per school) becomes one record with every School_id.
 * - A section's blank Name falls back to its Course_name, as sections are named in Clever.
 * - A section's term is identified by Term_name and its dates; a term with a blank name but
 *   dates is named after its dates.
 */
export class CleverCsvSource implements RosterSource {
  readonly kind = SourceKind.CLEVER_CSV;
  private readonly files: CsvFileSet;
  private readonly problems = new ProblemList();
  private checked: Promise<void> | null = null;

  constructor(config: { path: string }) {
    this.files = new CsvFileSet(config.path);
  }

  defaultMappings(): FieldMappingTable {
    return CLEVER_CSV_MAPPINGS;
  }

  takeProblems(): SourceProblem[] {
    return this.problems.take();
  }

  /** Every file and required column is checked before the first record, so a run fails before it starts. */
  private check(): Promise<void> {
    this.checked ??= (async () => {
      for (const spec of [SCHOOLS, STUDENTS, TEACHERS, SECTIONS, ENROLLMENTS]) await checkHeader(this.files, spec);
    })();
    return this.checked;
  }

  async *records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]> {
    await this.check();
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

  /** The columns each entity type's records carry: headers, plus the keys shared by both people files. */
  async availableFields(entity: EntityType): Promise<string[]> {
    await this.check();
    const header = (spec: CsvSpec) => checkHeader(this.files, spec);
    switch (entity) {
      case 'schools':
        return header(SCHOOLS);
      case 'people':
        return [...new Set([...(await header(TEACHERS)), ...(await header(STUDENTS)), 'Id', 'Email', 'Number', 'State_id'])];
      case 'sections':
        return [...new Set([...(await header(SECTIONS)), 'Name'])];
      case 'terms':
        return ['Term_name', 'Term_start', 'Term_end'];
      case 'courses':
        return ['Course_name', 'Course_number', 'Subject', 'School_id'];
      default:
        return [];
    }
  }

  async describe(signal?: AbortSignal) {
    await this.check();
    const counts: Partial<Record<EntityType, number>> = {};
    for (const e of ['schools', 'people', 'sections'] as const) {
      let n = 0;
      for await (const _ of this.records(e, signal)) n++;
      counts[e] = n;
    }
    return { districtName: null, counts };
  }

  private async *schools(signal?: AbortSignal): AsyncGenerator<SchoolRecord> {
    const seen = new Set<string>();
    for await (const row of readRows(this.files, SCHOOLS, this.problems, signal)) {
      const id = row.values.School_id;
      if (!id) {
        this.missing(SCHOOLS, row, 'School_id');
        continue;
      }
      if (seen.has(id)) {
        this.duplicate(SCHOOLS, row, 'School_id', id);
        continue;
      }
      seen.add(id);
      yield { sourceId: id, fields: row.values };
    }
  }

  /** Valid sections.csv rows, the same in every pass: id and school present, first row of an id wins. */
  private async *sectionRows(signal?: AbortSignal): AsyncGenerator<SectionRow> {
    const seen = new Set<string>();
    for await (const row of readRows(this.files, SECTIONS, this.problems, signal)) {
      const id = row.values.Section_id;
      const schoolId = row.values.School_id;
      if (!id) {
        this.missing(SECTIONS, row, 'Section_id');
        continue;
      }
      if (!schoolId) {
        this.missing(SECTIONS, row, 'School_id', id);
        continue;
      }
      if (seen.has(id)) {
        this.duplicate(SECTIONS, row, 'Section_id', id);
        continue;
      }
      seen.add(id);
      yield { id, schoolId, row };
    }
  }

  /** The term of a sections.csv row, or null when it names none. Invalid dates are reported and left blank. */
  private termOf(s: SectionRow): TermRecord | null {
    const v = s.row.values;
    const date = (column: 'Term_start' | 'Term_end') => {
      const d = parseDate(v[column]);
      if (d !== undefined) return d;
      this.problems.add(
        'sections',
        s.id,
        INVALID_VALUE,
        `sections.csv row ${s.row.row} (section ${s.id}): ${column} ${shown(v[column])} is not a date (expected M/D/YY, M/D/YYYY or YYYY-MM-DD); the term's date was left blank.`,
      );
      return null;
    };
    const start = date('Term_start');
    const end = date('Term_end');
    const name = v.Term_name ?? (start || end ? `${start ?? '…'} – ${end ?? '…'}` : null);
    if (!name) return null;
    return {
      sourceId: `${name}|${start ?? ''}|${end ?? ''}`,
      fields: { Term_name: name, Term_start: start, Term_end: end },
    };
  }

  private courseOf(s: SectionRow): CourseRecord | null {
    const { Course_name: name, Course_number: number, Subject: subject } = s.row.values;
    const key = number ?? name;
    if (!key) return null;
    return { sourceId: `${s.schoolId}:${key}`, fields: { Course_name: name, Course_number: number, Subject: subject, School_id: s.schoolId } };
  }

  private async *terms(signal?: AbortSignal): AsyncGenerator<TermRecord> {
    const seen = new Set<string>();
    for await (const s of this.sectionRows(signal)) {
      const term = this.termOf(s);
      if (!term || seen.has(term.sourceId)) continue;
      seen.add(term.sourceId);
      yield term;
    }
  }

  private async *courses(signal?: AbortSignal): AsyncGenerator<CourseRecord> {
    const seen = new Set<string>();
    for await (const s of this.sectionRows(signal)) {
      const course = this.courseOf(s);
      if (!course || seen.has(course.sourceId)) continue;
      seen.add(course.sourceId);
      yield course;
    }
  }

  private async *sections(signal?: AbortSignal): AsyncGenerator<SectionRecord> {
    for await (const s of this.sectionRows(signal)) {
      const term = this.termOf(s);
      const course = this.courseOf(s);
      const fields = { ...s.row.values };
      fields.Name ??= fields.Course_name;
      yield {
        sourceId: s.id,
        schoolSourceId: s.schoolId,
        courseSourceId: course?.sourceId ?? null,
        termSourceIds: term ? [term.sourceId] : [],
        fields,
      };
    }
  }

  /** Teachers then students. Each file is read twice: first the schools of every id, then one record per id. */
  private async *people(signal?: AbortSignal): AsyncGenerator<PersonRecord> {
    const teacherIds = new Set<string>();
    for await (const p of this.peopleOf(TEACHERS, PersonRole.TEACHER, null, signal)) {
      teacherIds.add(p.sourceId);
      yield p;
    }
    yield* this.peopleOf(STUDENTS, PersonRole.STUDENT, teacherIds, signal);
  }

  private async *peopleOf(spec: CsvSpec, role: PersonRole, taken: Set<string> | null, signal?: AbortSignal): AsyncGenerator<PersonRecord> {
    const idColumn = role === PersonRole.TEACHER ? 'Teacher_id' : 'Student_id';
    const schools = new Map<string, string[]>();
    for await (const row of readRows(this.files, spec, this.problems, signal)) {
      const id = row.values[idColumn];
      if (!id) continue; // reported in the second pass
      const list = schools.get(id) ?? [];
      const school = row.values.School_id;
      if (school && !list.includes(school)) list.push(school);
      schools.set(id, list);
    }
    for await (const row of readRows(this.files, spec, this.problems, signal)) {
      const v = row.values;
      const id = v[idColumn];
      if (!id) {
        this.missing(spec, row, idColumn);
        continue;
      }
      const schoolSourceIds = schools.get(id);
      if (!schoolSourceIds) continue; // a further row (another school) of a person already yielded
      schools.delete(id);
      if (taken?.has(id)) {
        this.problems.add(
          'people',
          id,
          DUPLICATE_SOURCE_ID,
          `${spec.file} row ${row.row}: Student_id ${shown(id)} is also a Teacher_id in teachers.csv; the student was skipped.`,
        );
        continue;
      }
      const fields =
        role === PersonRole.TEACHER
          ? { ...v, Id: id, Email: v.Teacher_email, Number: v.Teacher_number, State_id: v.State_teacher_id ?? v.State_id ?? null }
          : { ...v, Id: id, Email: v.Student_email, Number: v.Student_number };
      yield { sourceId: id, role, schoolSourceIds, fields };
    }
  }

  /** Teachers of each section (Teacher_id primary, Teacher_2_id … co-teachers, each once), then enrollments.csv. */
  private async *enrollments(signal?: AbortSignal): AsyncGenerator<EnrollmentRecord> {
    for await (const s of this.sectionRows(signal)) {
      const teachers = new Set<string>();
      const primary = s.row.values.Teacher_id;
      for (const column of ['Teacher_id', ...CO_TEACHERS]) {
        const id = s.row.values[column];
        if (!id || teachers.has(id)) continue;
        teachers.add(id);
        yield { sourceId: null, sectionSourceId: s.id, personSourceId: id, role: PersonRole.TEACHER, primary: id === primary };
      }
    }
    for await (const row of readRows(this.files, ENROLLMENTS, this.problems, signal)) {
      const { Section_id: section, Student_id: student } = row.values;
      if (!section || !student) {
        this.missing(ENROLLMENTS, row, section ? 'Student_id' : 'Section_id');
        continue;
      }
      yield { sourceId: null, sectionSourceId: section, personSourceId: student, role: PersonRole.STUDENT, primary: false };
    }
  }

  private missing(spec: CsvSpec, row: CsvRow, column: string, sourceId: string | null = null): void {
    this.problems.add(
      spec.entity,
      sourceId,
      MISSING_REQUIRED_FIELD,
      `${spec.file} row ${row.row}${sourceId ? ` (${sourceId})` : ''} has no ${column}; the row was skipped.`,
    );
  }

  private duplicate(spec: CsvSpec, row: CsvRow, column: string, id: string): void {
    this.problems.add(
      spec.entity,
      id,
      DUPLICATE_SOURCE_ID,
      `${spec.file} row ${row.row}: ${column} ${shown(id)} appears on an earlier row too; only the first row was used.`,
    );
  }
}

import { ONEROSTER_MAPPINGS } from './oneroster-mappings.js';
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
  ROLE_SKIPPED,
  SOURCE_ID_MAX_LENGTH,
  SOURCE_ID_TOO_LONG,
  splitList,
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
import { SourceError } from '../../errors.js';

const STATUS = ['sourcedId', 'status', 'dateLastModified'];
const MANIFEST: CsvSpec = { file: 'manifest.csv', entity: 'schools', required: ['propertyName', 'value'] };
const ORGS: CsvSpec = { file: 'orgs.csv', entity: 'schools', required: ['sourcedId', 'name', 'type'], optional: [...STATUS, 'identifier', 'parentSourcedId'] };
const SESSIONS: CsvSpec = {
  file: 'academicSessions.csv',
  entity: 'terms',
  required: ['sourcedId', 'title', 'type', 'startDate', 'endDate'],
  optional: [...STATUS, 'parentSourcedId', 'schoolYear'],
};
const COURSES: CsvSpec = {
  file: 'courses.csv',
  entity: 'courses',
  required: ['sourcedId', 'title'],
  optional: [...STATUS, 'schoolYearSourcedId', 'courseCode', 'grades', 'orgSourcedId', 'subjects', 'subjectCodes'],
};
const CLASSES: CsvSpec = {
  file: 'classes.csv',
  entity: 'sections',
  required: ['sourcedId', 'title', 'courseSourcedId', 'schoolSourcedId', 'termSourcedIds'],
  optional: [...STATUS, 'grades', 'classCode', 'classType', 'location', 'subjects', 'subjectCodes', 'periods'],
};
const USER_COLUMNS = [
  ...STATUS,
  'enabledUser',
  'username',
  'userIds',
  'middleName',
  'identifier',
  'email',
  'sms',
  'phone',
  'agentSourcedIds',
  'grades',
  'password',
];
const USERS_11: CsvSpec = {
  file: 'users.csv',
  entity: 'people',
  required: ['sourcedId', 'role', 'orgSourcedIds', 'givenName', 'familyName'],
  optional: USER_COLUMNS,
};
const USERS_12: CsvSpec = {
  file: 'users.csv',
  entity: 'people',
  required: ['sourcedId', 'givenName', 'familyName'],
  optional: [...USER_COLUMNS, 'role', 'orgSourcedIds'],
};
const ROLES: CsvSpec = {
  file: 'roles.csv',
  entity: 'people',
  required: ['userSourcedId', 'role', 'orgSourcedId', 'roleType'],
  optional: [...STATUS, 'beginDate', 'endDate', 'userProfileSourcedId'],
};
const ENROLLMENTS: CsvSpec = {
  file: 'enrollments.csv',
  entity: 'enrollments',
  required: ['classSourcedId', 'userSourcedId', 'role'],
  optional: [...STATUS, 'schoolSourcedId', 'primary', 'beginDate', 'endDate'],
};

/** The files a sync needs: each must be a bulk file. roles.csv (OneRoster 1.2) is optional. */
const REQUIRED_FILES = [ORGS, SESSIONS, COURSES, CLASSES, USERS_11, ENROLLMENTS];

const ROLES_SYNCED: Record<string, PersonRole> = { teacher: PersonRole.TEACHER, student: PersonRole.STUDENT };

type FileStatus = 'bulk' | 'absent';

interface UserRoles {
  /** The role the user is synced with (teacher or student), or the skipped role. */
  role: string;
  primary: boolean;
  orgs: string[];
}

/**
 * OneRoster 1.1 bulk CSV (a folder or a zip with manifest.csv); a 1.2 roles.csv, when
 * present, gives each user's role and schools. Rows with status "tobedeleted" count as
 * absent. Users and enrollments with other roles than teacher and student are skipped and
 * counted (one ROLE_SKIPPED problem per role).
 */
export class OneRosterCsvSource implements RosterSource {
  readonly kind = SourceKind.ONEROSTER_CSV;
  private readonly files: CsvFileSet;
  private readonly problems = new ProblemList();
  private checked: Promise<{ roles: boolean }> | null = null;

  constructor(config: { path: string }) {
    this.files = new CsvFileSet(config.path);
  }

  defaultMappings(): FieldMappingTable {
    return ONEROSTER_MAPPINGS;
  }

  takeProblems(): SourceProblem[] {
    return this.problems.take();
  }

  /** Reads manifest.csv and checks every file the sync needs (present, bulk, required columns). */
  private check(): Promise<{ roles: boolean }> {
    this.checked ??= (async () => {
      await checkHeader(this.files, MANIFEST);
      const manifest = new Map<string, string>();
      for await (const row of readRows(this.files, MANIFEST, this.problems)) {
        if (row.values.propertyName) manifest.set(row.values.propertyName.toLowerCase(), (row.values.value ?? '').toLowerCase());
      }
      const status = async (file: string): Promise<FileStatus> => {
        const key = `file.${file.replace(/\.csv$/, '')}`.toLowerCase();
        const value = manifest.get(key);
        if (value === undefined) return (await this.files.has(file)) ? 'bulk' : 'absent';
        if (value === 'delta') throw new SourceError(`manifest.csv marks ${file} as a delta file: delta files are not supported yet (export bulk files)`);
        if (value !== 'bulk' && value !== 'absent')
          throw new SourceError(`manifest.csv gives ${key} the value ${shown(value)}; expected bulk, absent or delta`);
        return value;
      };
      const roles = (await status('roles.csv')) === 'bulk';
      for (const spec of REQUIRED_FILES) {
        if ((await status(spec.file)) === 'absent')
          throw new SourceError(`${spec.file} is required, but manifest.csv marks it absent or it was not found in ${this.files.path}`);
      }
      for (const spec of REQUIRED_FILES) await checkHeader(this.files, spec === USERS_11 && roles ? USERS_12 : spec);
      if (roles) await checkHeader(this.files, ROLES);
      return { roles };
    })();
    return this.checked;
  }

  async *records<E extends EntityType>(entity: E, signal?: AbortSignal): AsyncIterable<SourceRecordOf[E]> {
    const { roles } = await this.check();
    const generators = {
      schools: () => this.schools(signal),
      terms: () => this.terms(signal),
      courses: () => this.courses(signal),
      people: () => this.people(roles, signal),
      sections: () => this.sections(signal),
      enrollments: () => this.enrollments(signal),
    } as const;
    yield* generators[entity]() as AsyncIterable<SourceRecordOf[E]>;
  }

  async describe(signal?: AbortSignal) {
    await this.check();
    let districtName: string | null = null;
    for await (const row of this.rows(ORGS, signal)) {
      if (row.values.type?.toLowerCase() === 'district' && row.values.name) {
        districtName = row.values.name;
        break;
      }
    }
    const counts: Partial<Record<EntityType, number>> = {};
    for (const e of ['schools', 'people', 'sections'] as const) {
      let n = 0;
      for await (const _ of this.records(e, signal)) n++;
      counts[e] = n;
    }
    return { districtName, counts };
  }

  /** Rows not marked tobedeleted. */
  private async *rows(spec: CsvSpec, signal?: AbortSignal): AsyncGenerator<CsvRow> {
    for await (const row of readRows(this.files, spec, this.problems, signal)) {
      if (row.values.status?.toLowerCase() === 'tobedeleted') continue;
      yield row;
    }
  }

  /** Rows with a sourcedId, each id once. */
  private async *identified(spec: CsvSpec, signal?: AbortSignal): AsyncGenerator<{ id: string; row: CsvRow }> {
    const seen = new Set<string>();
    for await (const row of this.rows(spec, signal)) {
      const id = row.values.sourcedId;
      if (!id) {
        this.missing(spec, row, 'sourcedId');
        continue;
      }
      if (seen.has(id)) {
        this.problems.add(
          spec.entity,
          id,
          DUPLICATE_SOURCE_ID,
          `${spec.file} row ${row.row}: sourcedId ${shown(id)} appears on an earlier row too; only the first row was used.`,
        );
        continue;
      }
      seen.add(id);
      yield { id, row };
    }
  }

  private async *schools(signal?: AbortSignal): AsyncGenerator<SchoolRecord> {
    for await (const { id, row } of this.identified(ORGS, signal)) {
      const type = row.values.type?.toLowerCase();
      if (!type) this.missing(ORGS, row, 'type', id);
      else if (type === 'school') yield { sourceId: id, fields: row.values };
    }
  }

  private async *terms(signal?: AbortSignal): AsyncGenerator<TermRecord> {
    for await (const { id, row } of this.identified(SESSIONS, signal)) {
      yield { sourceId: id, fields: { ...row.values, startDate: this.date(SESSIONS, row, 'startDate', id), endDate: this.date(SESSIONS, row, 'endDate', id) } };
    }
  }

  private async *courses(signal?: AbortSignal): AsyncGenerator<CourseRecord> {
    for await (const { id, row } of this.identified(COURSES, signal)) yield { sourceId: id, fields: row.values };
  }

  private async *sections(signal?: AbortSignal): AsyncGenerator<SectionRecord> {
    for await (const { id, row } of this.identified(CLASSES, signal)) {
      const school = row.values.schoolSourcedId;
      if (!school) {
        this.missing(CLASSES, row, 'schoolSourcedId', id);
        continue;
      }
      yield {
        sourceId: id,
        schoolSourceId: school,
        courseSourceId: row.values.courseSourcedId ?? null,
        termSourceIds: splitList(row.values.termSourcedIds),
        fields: row.values,
      };
    }
  }

  /** roles.csv as userSourcedId → the role synced (primary first, teacher or student preferred) and its orgs. */
  private async readRoles(signal?: AbortSignal): Promise<Map<string, UserRoles>> {
    const users = new Map<string, UserRoles>();
    for await (const row of this.rows(ROLES, signal)) {
      const { userSourcedId: user, orgSourcedId: org } = row.values;
      const role = row.values.role?.toLowerCase();
      if (!user || !role) {
        this.missing(ROLES, row, user ? 'role' : 'userSourcedId', user);
        continue;
      }
      const primary = row.values.roleType?.toLowerCase() === 'primary';
      const current = users.get(user);
      const rank = (r: string, p: boolean) => (r in ROLES_SYNCED ? 2 : 0) + (p ? 1 : 0);
      if (current?.role === role) {
        if (org && !current.orgs.includes(org)) {
          if (primary && !current.primary)
            current.orgs.unshift(org); // the primary org first
          else current.orgs.push(org);
        }
        current.primary ||= primary;
      } else if (!current || rank(role, primary) > rank(current.role, current.primary)) {
        users.set(user, { role, primary, orgs: org ? [org] : [] });
      }
    }
    return users;
  }

  private async *people(withRoles: boolean, signal?: AbortSignal): AsyncGenerator<PersonRecord> {
    const roles = withRoles ? await this.readRoles(signal) : null;
    const skipped = new Map<string, number>();
    for await (const { id, row } of this.identified(withRoles ? USERS_12 : USERS_11, signal)) {
      const fromRoles = roles?.get(id);
      const role = fromRoles?.role ?? row.values.role?.toLowerCase();
      if (!role) {
        this.problems.add(
          'people',
          id,
          MISSING_REQUIRED_FIELD,
          `users.csv row ${row.row} (${id}) has no role${withRoles ? ' in roles.csv' : ''}; the user was skipped.`,
        );
        continue;
      }
      const synced = ROLES_SYNCED[role];
      if (!synced) {
        skipped.set(role, (skipped.get(role) ?? 0) + 1);
        continue;
      }
      const schoolSourceIds = fromRoles ? fromRoles.orgs : splitList(row.values.orgSourcedIds);
      yield { sourceId: id, role: synced, schoolSourceIds, fields: row.values };
    }
    this.reportSkippedRoles('people', 'user', skipped);
  }

  private async *enrollments(signal?: AbortSignal): AsyncGenerator<EnrollmentRecord> {
    const skipped = new Map<string, number>();
    for await (const row of this.rows(ENROLLMENTS, signal)) {
      const v = row.values;
      let ref = v.sourcedId ?? null;
      if (ref && ref.length > SOURCE_ID_MAX_LENGTH) {
        // The enrollment is keyed by class, user and role; its own id is only kept for reference.
        this.problems.add(
          'enrollments',
          null,
          SOURCE_ID_TOO_LONG,
          `enrollments.csv row ${row.row}: sourcedId ${shown(ref)} has ${ref.length} characters, more than the ${SOURCE_ID_MAX_LENGTH} Homeroom can store; the enrollment was synced without it.`,
        );
        ref = null;
      }
      if (!v.classSourcedId || !v.userSourcedId || !v.role) {
        this.missing(ENROLLMENTS, row, !v.classSourcedId ? 'classSourcedId' : !v.userSourcedId ? 'userSourcedId' : 'role', ref);
        continue;
      }
      const role = ROLES_SYNCED[v.role.toLowerCase()];
      if (!role) {
        skipped.set(v.role.toLowerCase(), (skipped.get(v.role.toLowerCase()) ?? 0) + 1);
        continue;
      }
      yield {
        sourceId: ref,
        sectionSourceId: v.classSourcedId,
        personSourceId: v.userSourcedId,
        role,
        primary: role === PersonRole.TEACHER && this.bool(row, v.primary, ref),
        beginDate: this.date(ENROLLMENTS, row, 'beginDate', ref),
        endDate: this.date(ENROLLMENTS, row, 'endDate', ref),
      };
    }
    this.reportSkippedRoles('enrollments', 'enrollment', skipped);
  }

  private reportSkippedRoles(entity: EntityType, what: string, skipped: Map<string, number>): void {
    for (const [role, n] of skipped) {
      this.problems.add(
        entity,
        null,
        ROLE_SKIPPED,
        `Skipped ${n} ${what}${n === 1 ? '' : 's'} with the role ${shown(role)}: Homeroom syncs teachers and students only.`,
      );
    }
  }

  private bool(row: CsvRow, value: string | null, ref: string | null): boolean {
    const v = value?.toLowerCase();
    if (v === undefined || v === 'false' || v === '0' || v === 'no') return false;
    if (v === 'true' || v === '1' || v === 'yes') return true;
    this.problems.add('enrollments', ref, INVALID_VALUE, `enrollments.csv row ${row.row}: primary ${shown(value)} is not true or false; false was used.`);
    return false;
  }

  private date(spec: CsvSpec, row: CsvRow, column: string, ref: string | null): string | null {
    const d = parseDate(row.values[column]);
    if (d !== undefined) return d;
    this.problems.add(
      spec.entity,
      ref,
      INVALID_VALUE,
      `${spec.file} row ${row.row}${ref ? ` (${ref})` : ''}: ${column} ${shown(row.values[column])} is not a date (expected YYYY-MM-DD); it was left blank.`,
    );
    return null;
  }

  private missing(spec: CsvSpec, row: CsvRow, column: string, sourceId: string | null = null): void {
    this.problems.add(
      spec.entity,
      sourceId,
      MISSING_REQUIRED_FIELD,
      `${spec.file} row ${row.row}${sourceId ? ` (${sourceId})` : ''} has no ${column}; the row was skipped.`,
    );
  }
}

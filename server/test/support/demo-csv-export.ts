// A generated district written as the CSV exports a real district uploads (Clever district
// CSV or OneRoster 1.1 bulk CSV), CRLF line ends and quoted values with commas, so fault
// tests can damage a copy of a realistic export.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoDistrict } from '../../src/demo/demo-district.generator.js';
import { PersonRole, SourceKind } from '../../src/roster/roster-enums.js';

const EOL = '\r\n';
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: unknown[][]) => rows.map((r) => r.map(cell).join(',')).join(EOL) + EOL;
const us = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(m)}/${Number(d)}/${y.slice(2)}`;
};

export type CsvExportKind = SourceKind.CLEVER_CSV | SourceKind.ONEROSTER_CSV;

/** Writes the export into a new folder and returns its path. */
export function writeDemoCsvExport(kind: CsvExportKind, students: number, referenceDate = '2026-11-23'): string {
  // One school year: the fault tests damage this year's export as it was.
  const d = new DemoDistrict({ students, referenceDate, nextYear: false });
  const dir = mkdtempSync(join(tmpdir(), `homeroom-export-${kind.toLowerCase()}-`));
  const schools = [...d.schoolRecords()];
  const terms = new Map([...d.termRecords()].map((t) => [t.sourceId, t]));
  const courses = new Map([...d.courseRecords()].map((c) => [c.sourceId, c]));
  const people = [...d.personRecords()];
  const sections = [...d.sectionRecords()];
  const enrollments = [...d.enrollmentRecords()];
  const files: Record<string, unknown[][]> = {};
  const schoolOfSection = new Map(sections.map((s) => [s.sourceId, s.schoolSourceId]));
  if (kind === SourceKind.CLEVER_CSV) {
    const teachersOf = new Map<string, string[]>();
    for (const e of enrollments)
      if (e.role === PersonRole.TEACHER)
        (teachersOf.get(e.sectionSourceId) ?? teachersOf.set(e.sectionSourceId, []).get(e.sectionSourceId)!).push(e.personSourceId);
    files['schools.csv'] = [
      ['School_id', 'School_name', 'School_number', 'State_id', 'NCES_id', 'Low_grade', 'High_grade', 'Principal'],
      ...schools.map((s) => [
        s.sourceId,
        `${s.fields.name}, Main Campus`,
        s.fields.schoolNumber,
        s.fields.stateId,
        s.fields.ncesId,
        s.fields.lowGrade,
        s.fields.highGrade,
        s.fields.principal,
      ]),
    ];
    const person = (p: (typeof people)[number]) => [
      p.sourceId,
      p.schoolSourceIds[0],
      p.fields.givenName,
      p.fields.familyName,
      p.fields.email,
      p.fields.sisId,
      p.fields.username,
    ];
    files['teachers.csv'] = [
      ['Teacher_id', 'School_id', 'First_name', 'Last_name', 'Teacher_email', 'Teacher_number', 'Username'],
      ...people.filter((p) => p.role === PersonRole.TEACHER).map(person),
    ];
    files['students.csv'] = [
      ['Student_id', 'School_id', 'First_name', 'Last_name', 'Student_email', 'Student_number', 'Username', 'Grade'],
      ...people.filter((p) => p.role === PersonRole.STUDENT).map((p) => [...person(p), p.fields.grade]),
    ];
    files['sections.csv'] = [
      [
        'Section_id',
        'School_id',
        'Teacher_id',
        'Teacher_2_id',
        'Name',
        'Section_number',
        'Grade',
        'Course_name',
        'Course_number',
        'Period',
        'Subject',
        'Term_name',
        'Term_start',
        'Term_end',
      ],
      ...sections.map((s) => {
        const t = terms.get(s.termSourceIds[0])!;
        const c = courses.get(s.courseSourceId!)!;
        const [primary, co] = teachersOf.get(s.sourceId) ?? [];
        return [
          s.sourceId,
          s.schoolSourceId,
          primary,
          co,
          s.fields.name,
          s.fields.sectionNumber,
          s.fields.grade,
          c.fields.name,
          c.fields.number,
          s.fields.period,
          s.fields.subject,
          t.fields.name,
          us(String(t.fields.startDate)),
          us(String(t.fields.endDate)),
        ];
      }),
    ];
    files['enrollments.csv'] = [
      ['School_id', 'Section_id', 'Student_id'],
      ...enrollments.filter((e) => e.role === PersonRole.STUDENT).map((e) => [schoolOfSection.get(e.sectionSourceId), e.sectionSourceId, e.personSourceId]),
    ];
  } else {
    files['manifest.csv'] = [
      ['propertyName', 'value'],
      ['manifest.version', '1.0'],
      ['oneroster.version', '1.1'],
      ...['academicSessions', 'classes', 'courses', 'enrollments', 'orgs', 'users'].map((f) => [`file.${f}`, 'bulk']),
      ['file.demographics', 'absent'],
    ];
    files['orgs.csv'] = [
      ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
      ['dist', 'active', '', 'Demo District', 'district', '', ''],
      ...schools.map((s) => [s.sourceId, 'active', '', `${s.fields.name}, Main Campus`, 'school', s.fields.schoolNumber, 'dist']),
    ];
    files['academicSessions.csv'] = [
      ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
      ...[...terms.values()]
        .filter((t) => sections.some((s) => s.termSourceIds.includes(t.sourceId)))
        .map((t) => [
          t.sourceId,
          'active',
          '',
          t.fields.name,
          t.sourceId === 'trm-year' ? 'schoolYear' : 'semester',
          t.fields.startDate,
          t.fields.endDate,
          t.sourceId === 'trm-year' ? '' : 'trm-year',
          '2027',
        ]),
    ];
    files['courses.csv'] = [
      ['sourcedId', 'status', 'dateLastModified', 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId', 'subjects'],
      ...[...courses.values()].map((c) => [
        c.sourceId,
        'active',
        '',
        'trm-year',
        c.fields.name,
        c.fields.number,
        '',
        `sch-${c.sourceId.slice(4, 8)}`,
        c.fields.subject,
      ]),
    ];
    files['classes.csv'] = [
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'title',
        'grades',
        'courseSourcedId',
        'classCode',
        'classType',
        'location',
        'schoolSourcedId',
        'termSourcedIds',
        'subjects',
        'periods',
      ],
      ...sections.map((s) => [
        s.sourceId,
        'active',
        '',
        s.fields.name,
        s.fields.grade,
        s.courseSourceId,
        s.fields.sectionNumber,
        'scheduled',
        '',
        s.schoolSourceId,
        s.termSourceIds.join(','),
        s.fields.subject,
        s.fields.period,
      ]),
    ];
    files['users.csv'] = [
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'enabledUser',
        'orgSourcedIds',
        'role',
        'username',
        'userIds',
        'givenName',
        'familyName',
        'middleName',
        'identifier',
        'email',
        'sms',
        'phone',
        'agentSourcedIds',
        'grades',
        'password',
      ],
      ...people.map((p) => [
        p.sourceId,
        'active',
        '',
        'true',
        p.schoolSourceIds.join(','),
        p.role.toLowerCase(),
        p.fields.username,
        '',
        p.fields.givenName,
        p.fields.familyName,
        '',
        p.fields.sisId,
        p.fields.email,
        '',
        '',
        '',
        p.fields.grade ?? '',
        '',
      ]),
    ];
    files['enrollments.csv'] = [
      ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate'],
      ...enrollments.map((e, i) => [
        `enr-${i + 1}`,
        'active',
        '',
        e.sectionSourceId,
        schoolOfSection.get(e.sectionSourceId),
        e.personSourceId,
        e.role.toLowerCase(),
        String(e.primary),
        '',
        '',
      ]),
    ];
  }
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, name), csv(rows));
  return dir;
}

/** The lines of a file of the export (without line ends). */
export function exportLines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), 'utf8').split(EOL).slice(0, -1);
}

/** Rewrites line `line` (1-based, the header is line 1) of a file of the export. */
export function damageLine(dir: string, file: string, line: number, damage: (text: string) => string): void {
  const lines = exportLines(dir, file);
  lines[line - 1] = damage(lines[line - 1]);
  writeFileSync(join(dir, file), lines.join(EOL) + EOL);
}

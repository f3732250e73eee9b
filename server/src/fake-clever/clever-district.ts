import { DemoDistrict, type DemoOptions } from '../demo/demo-district.generator.js';
import { PersonRole } from '../roster/roster-enums.js';

/** A Clever v3.0 object: always an `id`, the rest as the API names it. */
export type CleverRecord = { id: string } & Record<string, unknown>;

/** What the fake server serves; each list is sorted by id when the server starts. */
export interface FakeCleverData {
  district: CleverRecord;
  schools: CleverRecord[];
  terms: CleverRecord[];
  courses: CleverRecord[];
  /** Teachers and students; `roles.teacher` / `roles.student` decide `?role=`. */
  users: CleverRecord[];
  sections: CleverRecord[];
}

export interface CleverDistrictOptions extends DemoOptions {
  /** The district's name in /v3.0/districts; default "Fake Clever District". */
  name?: string;
}

const DISTRICT_ID = 'dst-0001';

/** Clever spells grades out: "Kindergarten", "1" … "12". */
const grade = (g: unknown) => (g === 'K' ? 'Kindergarten' : g ?? null);

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The generated demo district (DemoDistrict, same options → same data) in Clever v3.0
 * shapes: sections carry `teacher` (primary), `teachers` (primary first) and `students`;
 * users carry `roles.teacher` / `roles.student`. A sync of it gives the same records as
 * the demo source with the same options.
 */
export function cleverDistrict(options: CleverDistrictOptions): FakeCleverData {
  const demo = new DemoDistrict(options);
  const stamp = `${demo.schoolYear.start}T00:00:00.000Z`;
  const common = { district: DISTRICT_ID, created: stamp, last_modified: stamp };

  const schools: CleverRecord[] = [...demo.schoolRecords()].map((s) => {
    const f = s.fields;
    return {
      id: s.sourceId, ...common, name: f.name, school_number: f.schoolNumber, sis_id: s.sourceId, state_id: f.stateId,
      nces_id: f.ncesId, low_grade: grade(f.lowGrade), high_grade: grade(f.highGrade),
      principal: { name: f.principal, email: null }, location: { address: null, city: null, state: 'NY', zip: null }, phone: null,
    };
  });

  const terms: CleverRecord[] = [...demo.termRecords()].map((t) => ({
    id: t.sourceId, ...common, name: t.fields.name, start_date: t.fields.startDate, end_date: t.fields.endDate,
  }));

  const courses: CleverRecord[] = [...demo.courseRecords()].map((c) => ({ id: c.sourceId, ...common, name: c.fields.name, number: c.fields.number }));

  const users: CleverRecord[] = [...demo.personRecords()].map((p) => {
    const f = p.fields;
    const teacher = p.role === PersonRole.TEACHER;
    const role: Record<string, unknown> = {
      school: p.schoolSourceIds[0], schools: p.schoolSourceIds, sis_id: f.sisId, state_id: f.stateId,
      [teacher ? 'teacher_number' : 'student_number']: f.sisId,
      credentials: { district_username: f.username },
    };
    if (teacher) role.title = 'Teacher';
    else role.grade = grade(f.grade);
    const name: Record<string, unknown> = { first: f.givenName, last: f.familyName };
    if (f.middleName) name.middle = f.middleName;
    return { id: p.sourceId, ...common, email: f.email, name, roles: { [teacher ? 'teacher' : 'student']: role } };
  });

  const people = new Map<string, { teacher: string | null; teachers: string[]; students: string[] }>();
  for (const e of demo.enrollmentRecords()) {
    let entry = people.get(e.sectionSourceId);
    if (!entry) people.set(e.sectionSourceId, (entry = { teacher: null, teachers: [], students: [] }));
    if (e.role === PersonRole.TEACHER) {
      if (e.primary) {
        entry.teacher = e.personSourceId;
        entry.teachers.unshift(e.personSourceId);
      } else entry.teachers.push(e.personSourceId);
    } else entry.students.push(e.personSourceId);
  }
  const sections: CleverRecord[] = [...demo.sectionRecords()].map((s) => {
    const f = s.fields;
    const who = people.get(s.sourceId) ?? { teacher: null, teachers: [], students: [] };
    return {
      id: s.sourceId, ...common, school: s.schoolSourceId, course: s.courseSourceId, term_id: s.termSourceIds[0] ?? null,
      name: f.name, section_number: f.sectionNumber, period: f.period, grade: grade(f.grade), subject: f.subject, sis_id: s.sourceId,
      teacher: who.teacher, teachers: who.teachers, students: who.students,
    };
  });

  return {
    district: { id: DISTRICT_ID, name: options.name ?? 'Fake Clever District', state: 'NY', mdr_number: null, created: stamp, last_modified: stamp },
    schools, terms, courses, users, sections,
  };
}

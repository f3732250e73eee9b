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
const grade = (g: unknown) => (g === 'K' ? 'Kindergarten' : (g ?? null));

/** Clever's subject values (lowercase, as its v3.0 spec lists them) for the demo's subjects. */
export const CLEVER_SUBJECTS: Record<string, string> = {
  Math: 'math',
  English: 'english/language arts',
  Science: 'science',
  'Social Studies': 'social studies',
  Art: 'arts and music',
  Music: 'arts and music',
  PE: 'PE and health',
  Spanish: 'language',
  'Computer Science': 'technology and engineering',
};
const subject = (s: unknown) => (typeof s === 'string' ? (CLEVER_SUBJECTS[s] ?? 'other') : null);

/** Grades beyond K–12 that Clever sends; a few students and sections carry them, as real districts' do. */
export const UNUSUAL_GRADES = ['PreKindergarten', 'TransitionalKindergarten', 'Ungraded', 'Other', '13', '', 'InfantToddler', 'Preschool', 'PostGraduate'];
const numberOf = (id: string) => Number(id.replace(/\D/g, '')) || 0;

/*
 * Real Clever data, which the v3.0 spec allows and districts send: a term without a name
 * (the fall term), courses without names (every 4th), students without a first name (every
 * 53rd) or a last name (every 61st), unusual grades (every 41st student, every 17th section).
 * A sync still gives the demo's counts: nothing is dropped.
 */
const nameless = { term: 'trm-fall', course: 4, first: 53, last: 61, studentGrade: 41, sectionGrade: 17 };

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
      id: s.sourceId,
      ...common,
      name: f.name,
      school_number: f.schoolNumber,
      sis_id: s.sourceId,
      state_id: f.stateId,
      nces_id: f.ncesId,
      low_grade: grade(f.lowGrade),
      high_grade: grade(f.highGrade),
      principal: { name: f.principal, email: null },
      location: { address: null, city: null, state: 'NY', zip: null },
      phone: null,
    };
  });

  const terms: CleverRecord[] = [...demo.termRecords()].map((t) => ({
    id: t.sourceId,
    ...common,
    name: t.sourceId === nameless.term ? null : t.fields.name,
    start_date: t.fields.startDate,
    end_date: t.fields.endDate,
  }));

  const courses: CleverRecord[] = [...demo.courseRecords()].map((c, i) => ({
    id: c.sourceId,
    ...common,
    name: i % nameless.course === 3 ? null : c.fields.name,
    number: c.fields.number,
  }));

  const users: CleverRecord[] = [...demo.personRecords()].map((p) => {
    const f = p.fields;
    const teacher = p.role === PersonRole.TEACHER;
    const role: Record<string, unknown> = {
      school: p.schoolSourceIds[0],
      schools: p.schoolSourceIds,
      sis_id: f.sisId,
      state_id: f.stateId,
      [teacher ? 'teacher_number' : 'student_number']: f.sisId,
      credentials: { district_username: f.username },
    };
    const n = numberOf(p.sourceId);
    if (teacher) role.title = 'Teacher';
    else role.grade = n % nameless.studentGrade === 0 ? UNUSUAL_GRADES[(n / nameless.studentGrade) % UNUSUAL_GRADES.length] : grade(f.grade);
    const name: Record<string, unknown> = {
      first: !teacher && n % nameless.first === 0 ? null : f.givenName,
      last: !teacher && n % nameless.last === 0 ? null : f.familyName,
    };
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
  const sections: CleverRecord[] = [...demo.sectionRecords()].map((s, i) => {
    const f = s.fields;
    const sectionGrade = i % nameless.sectionGrade === 5 ? UNUSUAL_GRADES[(((i / nameless.sectionGrade) | 0) % 4) + 2] : grade(f.grade);
    const who = people.get(s.sourceId) ?? { teacher: null, teachers: [], students: [] };
    return {
      id: s.sourceId,
      ...common,
      school: s.schoolSourceId,
      course: s.courseSourceId,
      term_id: s.termSourceIds[0] ?? null,
      name: f.name,
      section_number: f.sectionNumber,
      period: f.period,
      grade: sectionGrade,
      subject: subject(f.subject),
      sis_id: s.sourceId,
      teacher: who.teacher,
      teachers: who.teachers,
      students: who.students,
    };
  });

  return {
    // District.state is Clever's sync status (running, pending, error, paused, success), not a US state.
    district: {
      id: DISTRICT_ID,
      name: options.name ?? 'Fake Clever District',
      state: 'success',
      last_sync: stamp,
      error: null,
      pause_start: null,
      pause_end: null,
      launch_date: demo.schoolYear.start,
      mdr_number: null,
      nces_id: null,
      sis_type: 'Homeroom demo',
      created: stamp,
      last_modified: stamp,
    },
    schools,
    terms,
    courses,
    users,
    sections,
  };
}

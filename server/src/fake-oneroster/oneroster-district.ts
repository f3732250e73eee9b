import { DemoDistrict, type DemoOptions } from '../demo/demo-district.generator.js';
import { PersonRole } from '../roster/roster-enums.js';

/** A OneRoster 1.1 object: a sourcedId and the rest as the spec names it. */
export type OneRosterObject = { sourcedId: string } & Record<string, unknown>;

export interface FakeOneRosterData {
  orgs: OneRosterObject[];
  academicSessions: OneRosterObject[];
  courses: OneRosterObject[];
  classes: OneRosterObject[];
  users: OneRosterObject[];
  enrollments: OneRosterObject[];
}

export interface OneRosterDistrictOptions extends DemoOptions {
  /** The district org's name; default "Fake OneRoster District". */
  name?: string;
}

export const ONEROSTER_BASE_PATH = '/ims/oneroster/v1p1';
const DISTRICT_ID = 'dst-0001';

/** OneRoster grades are CEDS codes: KG, 01 … 12. */
const grade = (g: unknown) => (g === 'K' ? 'KG' : typeof g === 'string' && /^\d+$/.test(g) ? g.padStart(2, '0') : g);
const ref = (collection: string, type: string, sourcedId: string) => ({ href: `${ONEROSTER_BASE_PATH}/${collection}/${sourcedId}`, sourcedId, type });

/**
 * The generated demo district (same options → same data) as a OneRoster 1.1 REST server
 * would list it: orgs (the district and its schools), academicSessions, courses, classes,
 * users and enrollments with `{href, sourcedId, type}` references. A few records marked
 * `status: "tobedeleted"` ride along: a client must treat them as absent, so a sync gives
 * the demo's counts.
 */
export function oneRosterDistrict(options: OneRosterDistrictOptions): FakeOneRosterData {
  const demo = new DemoDistrict(options);
  const stamp = `${demo.schoolYear.start}T00:00:00.000Z`;
  const active = { status: 'active', dateLastModified: stamp };
  const gone = { status: 'tobedeleted', dateLastModified: stamp };
  const year = ref('academicSessions', 'academicSession', 'trm-year');

  const schools = [...demo.schoolRecords()];
  const orgs: OneRosterObject[] = [
    {
      sourcedId: DISTRICT_ID,
      ...active,
      name: options.name ?? 'Fake OneRoster District',
      type: 'district',
      identifier: 'NY-0001',
      parent: null,
      children: schools.map((s) => ref('orgs', 'org', s.sourceId)),
    },
    ...schools.map((s) => ({
      sourcedId: s.sourceId,
      ...active,
      name: s.fields.name,
      type: 'school',
      identifier: s.fields.schoolNumber,
      parent: ref('orgs', 'org', DISTRICT_ID),
      children: [],
      metadata: {
        stateId: s.fields.stateId,
        ncesId: s.fields.ncesId,
        lowGrade: grade(s.fields.lowGrade),
        highGrade: grade(s.fields.highGrade),
        principal: s.fields.principal,
      },
    })),
    { sourcedId: 'sch-closed', ...gone, name: 'Closed Annex', type: 'school', identifier: '999', parent: ref('orgs', 'org', DISTRICT_ID), children: [] },
  ];

  // Next school year's sessions (trm-next-*) hang under their own schoolYear session.
  const nextYear = ref('academicSessions', 'academicSession', 'trm-next-year');
  const isYear = (id: string) => id === 'trm-year' || id === 'trm-next-year';
  const academicSessions: OneRosterObject[] = [...demo.termRecords()].map((t) => ({
    sourcedId: t.sourceId,
    ...active,
    title: t.fields.name,
    type: isYear(t.sourceId) ? 'schoolYear' : 'semester',
    startDate: t.fields.startDate,
    endDate: t.fields.endDate,
    parent: isYear(t.sourceId) ? null : t.sourceId.startsWith('trm-next-') ? nextYear : year,
    children: [],
    schoolYear: String(t.sourceId.startsWith('trm-next-') ? demo.nextSchoolYear.end : demo.schoolYear.end).slice(0, 4),
  }));

  const courses: OneRosterObject[] = [...demo.courseRecords()].map((c) => ({
    sourcedId: c.sourceId,
    ...active,
    title: c.fields.name,
    schoolYear: year,
    courseCode: c.fields.number,
    grades: [],
    subjects: [c.fields.subject],
    org: ref('orgs', 'org', `sch-${c.sourceId.slice(4, 8)}`),
    subjectCodes: [],
  }));

  const users: OneRosterObject[] = [...demo.personRecords()].map((p) => {
    const f = p.fields;
    return {
      sourcedId: p.sourceId,
      ...active,
      username: f.username,
      userIds: [{ type: 'stateID', identifier: f.stateId }],
      enabledUser: 'true',
      givenName: f.givenName,
      familyName: f.familyName,
      middleName: f.middleName ?? '',
      role: p.role === PersonRole.TEACHER ? 'teacher' : 'student',
      identifier: f.sisId,
      email: f.email,
      sms: '',
      phone: '',
      agents: [],
      orgs: [ref('orgs', 'org', DISTRICT_ID), ...p.schoolSourceIds.map((s) => ref('orgs', 'org', s))],
      grades: f.grade ? [grade(f.grade)] : [],
    };
  });
  users.push({
    sourcedId: 'stu-left',
    ...gone,
    username: 'left',
    userIds: [],
    enabledUser: 'false',
    givenName: 'Moved',
    familyName: 'Away',
    role: 'student',
    identifier: 'S-left',
    email: '',
    orgs: [ref('orgs', 'org', schools[0].sourceId)],
    grades: ['05'],
  });

  const classes: OneRosterObject[] = [...demo.sectionRecords()].map((s) => ({
    sourcedId: s.sourceId,
    ...active,
    title: s.fields.name,
    classCode: s.fields.sectionNumber,
    classType: 'scheduled',
    location: '',
    grades: [grade(s.fields.grade)],
    subjects: [s.fields.subject],
    course: s.courseSourceId ? ref('courses', 'course', s.courseSourceId) : null,
    school: ref('orgs', 'org', s.schoolSourceId),
    terms: s.termSourceIds.map((t) => ref('academicSessions', 'academicSession', t)),
    subjectCodes: [],
    periods: [s.fields.period],
  }));

  const enrollments: OneRosterObject[] = [];
  for (const e of demo.enrollmentRecords()) {
    const school = `sch-${e.sectionSourceId.slice(4, 8)}`;
    enrollments.push({
      sourcedId: `enr-${e.sectionSourceId}-${e.personSourceId}`,
      ...active,
      user: ref('users', 'user', e.personSourceId),
      class: ref('classes', 'class', e.sectionSourceId),
      school: ref('orgs', 'org', school),
      role: e.role === PersonRole.TEACHER ? 'teacher' : 'student',
      primary: e.primary ? 'true' : 'false',
      ...(e.beginDate ? { beginDate: e.beginDate, endDate: e.endDate ?? null } : {}),
    });
  }
  if (classes.length) {
    enrollments.push({
      sourcedId: 'enr-left',
      ...gone,
      user: ref('users', 'user', 'stu-left'),
      class: ref('classes', 'class', classes[0].sourcedId),
      school: ref('orgs', 'org', schools[0].sourceId),
      role: 'student',
      primary: 'false',
    });
  }
  return { orgs, academicSessions, courses, classes, users, enrollments };
}

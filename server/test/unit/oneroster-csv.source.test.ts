import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonRole } from '../../src/roster/roster-enums.js';
import { OneRosterCsvSource } from '../../src/sync/sources/oneroster-csv.source.js';
import { writeZip } from '../support/zip-writer.js';
import { all, mapped } from '../support/source-records.js';
import { SourceError } from '../../src/errors.js';

const CRLF = (lines: string[]) => lines.join('\r\n') + '\r\n';
const LF = (lines: string[]) => lines.join('\n') + '\n';
const CR = (lines: string[]) => lines.join('\r') + '\r';

const MANIFEST = [
  'propertyName,value',
  'manifest.version,1.0',
  'oneroster.version,1.1',
  'file.academicSessions,bulk',
  'file.categories,absent',
  'file.classes,bulk',
  'file.classResources,absent',
  'file.courses,bulk',
  'file.demographics,absent',
  'file.enrollments,bulk',
  'file.lineItems,absent',
  'file.orgs,bulk',
  'file.resources,absent',
  'file.results,absent',
  'file.users,bulk',
  'source.systemName,Test SIS',
];

const FILES: Record<string, string> = {
  'manifest.csv': '\ufeff' + CRLF(MANIFEST),
  'orgs.csv': CRLF([
    'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId',
    'd1,active,2024-07-01,Springfield Unified,district,,',
    'o1,active,2024-07-01,Springfield Elementary,school,SE-1,d1',
    'o2,,,"Shelbyville High, ""East""",school,SH-2,d1',
    'o3,tobedeleted,,Closed School,school,CS,d1',
    'dept1,,,Math Department,department,,o2',
    'o1,,,Springfield Elementary Again,school,SE-1,d1',
  ]),
  'academicSessions.csv': CR([
    'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear',
    'y1,,,2024-25,schoolYear,2024-08-01,2025-06-30,,2025',
    't1,,,Fall,term,2024-08-01,2024-12-20,y1,2025',
    'g1,,,Q1,gradingPeriod,8/1/2024,10/15/24,t1,2025',
    'bad,,,Broken,term,2024-13-01,2025-01-01,y1,2025',
  ]),
  'courses.csv': LF([
    'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes,vendorExtra',
    'c1,,,y1,Algebra I,ALG1,09,o2,Math,,x',
    'c2,,,y1,Reading,RD3,03,o1,"Reading,Writing",,',
  ]),
  'classes.csv': CRLF([
    'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods',
    'k1,,,Algebra I - P1,09,c1,ALG1-1,scheduled,Rm 5,o2,"t1,y1",Math,,1',
    'k2,,,Reading 3,03,c2,RD3-A,homeroom,,o1,t1,Reading,,"1,2"',
    'k3,tobedeleted,,Old,,c1,,scheduled,,o2,t1,,,',
    'k4,,,No School,,c1,,scheduled,,,t1,,,',
    'k5,,,"Two\nLines",,c1,,scheduled,,o2,g1,,,',
  ]),
  'users.csv': LF([
    'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
    'u1,,,true,"o1, o2",teacher,tteach,,Tara,Teach,M,T100,tara@d.org,,,,,',
    'u2,,,true,o1,student,sstud,,Sam,Stud,,S200,sam@d.org,,,,03,',
    'u3,,,true,o1,parent,pp,,Pat,Parent,,,,,,,,',
    'u4,,,true,o1,administrator,aa,,Ada,Admin,,,,,,,,',
    'u5,,,true,o1,parent,pp2,,Pam,Parent,,,,,,,,',
    'u6,tobedeleted,,true,o2,student,gone,,Gone,Away,,,,,,,,',
    ',,,true,o1,student,noid,,No,Id,,,,,,,,',
    'u7,,,false,o2,Student,dis,,Dee,Disabled,,S700,,,,,10,',
    'u8,,,true,o2,student,short,,Too,Few',
  ]),
  'enrollments.csv': CRLF([
    'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate',
    'e1,,,k1,o2,u1,teacher,true,2024-08-01,',
    'e2,,,k1,o2,u7,student,false,,',
    'e3,,,k2,o1,u2,student,,,',
    'e4,,,k2,o1,u1,teacher,FALSE,,2025-06-30',
    'e5,,,k2,o1,u4,administrator,false,,',
    'e6,tobedeleted,,k1,o2,u2,student,false,,',
    'e7,,,k2,o1,u5,aide,,,',
    'e8,,,,o1,u2,student,,,',
    'e9,,,k1,o2,u9,teacher,maybe,2024-02-30,',
    'e10,,,k1,o2,u2,student,true,,',
  ]),
};

function writeFolder(dir: string, files: Record<string, string | null>): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) if (text !== null) writeFileSync(join(dir, name), text);
  return dir;
}

let root: string;
let folder: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oneroster-csv-'));
  folder = writeFolder(join(root, 'district'), FILES);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('OneRosterCsvSource (1.1 folder)', () => {
  let source: OneRosterCsvSource;
  beforeAll(() => {
    source = new OneRosterCsvSource({ path: folder });
  });

  it('yields school orgs only, skipping tobedeleted rows and reporting duplicates', async () => {
    const schools = await all(source, 'schools');
    expect(schools.map((s) => s.sourceId)).toEqual(['o1', 'o2']);
    expect(mapped(source, 'schools', schools[1].fields)).toEqual({ name: 'Shelbyville High, "East"', schoolNumber: 'SH-2' });
    expect(source.takeProblems()).toEqual([
      expect.objectContaining({
        entityType: 'schools',
        sourceId: 'o1',
        code: 'DUPLICATE_SOURCE_ID',
        message: 'orgs.csv row 7: sourcedId "o1" appears on an earlier row too; only the first row was used.',
      }),
    ]);
  });

  it('yields every academic session as a term with normalized dates; an invalid date is a problem, not a crash', async () => {
    const terms = await all(source, 'terms');
    expect(terms.map((t) => [t.sourceId, ...Object.values(mapped(source, 'terms', t.fields))])).toEqual([
      ['y1', '2024-25', '2024-08-01', '2025-06-30'],
      ['t1', 'Fall', '2024-08-01', '2024-12-20'],
      ['g1', 'Q1', '2024-08-01', '2024-10-15'],
      ['bad', 'Broken', null, '2025-01-01'],
    ]);
    expect(terms[2].fields.type).toBe('gradingPeriod');
    expect(source.takeProblems()).toEqual([
      expect.objectContaining({
        entityType: 'terms',
        sourceId: 'bad',
        code: 'INVALID_VALUE',
        message: 'academicSessions.csv row 5 (bad): startDate "2024-13-01" is not a date (expected YYYY-MM-DD); it was left blank.',
      }),
    ]);
  });

  it('yields courses with their own columns and unknown ones passed through', async () => {
    const courses = await all(source, 'courses');
    expect(courses.map((c) => mapped(source, 'courses', c.fields))).toEqual([
      { name: 'Algebra I', number: 'ALG1', subject: 'Math' },
      { name: 'Reading', number: 'RD3', subject: 'Reading,Writing' },
    ]);
    expect(courses[0].fields.vendorExtra).toBe('x');
  });

  it('yields classes as sections with school, course and the quoted term list', async () => {
    const sections = await all(source, 'sections');
    expect(sections.map((s) => [s.sourceId, s.schoolSourceId, s.courseSourceId, s.termSourceIds])).toEqual([
      ['k1', 'o2', 'c1', ['t1', 'y1']],
      ['k2', 'o1', 'c2', ['t1']],
      ['k5', 'o2', 'c1', ['g1']],
    ]);
    expect(mapped(source, 'sections', sections[1].fields)).toEqual({
      name: 'Reading 3',
      sectionNumber: 'RD3-A',
      period: '1,2',
      grade: '03',
      subject: 'Reading',
    });
    expect(sections[2].fields.title).toBe('Two\nLines');
    expect(source.takeProblems()).toEqual([
      expect.objectContaining({
        entityType: 'sections',
        sourceId: 'k4',
        code: 'MISSING_REQUIRED_FIELD',
        message: 'classes.csv row 5 (k4) has no schoolSourcedId; the row was skipped.',
      }),
    ]);
  });

  it('yields teachers and students, counts and skips other roles, skips tobedeleted users', async () => {
    const people = await all(source, 'people');
    expect(people.map((p) => [p.sourceId, p.role, p.schoolSourceIds])).toEqual([
      ['u1', PersonRole.TEACHER, ['o1', 'o2']],
      ['u2', PersonRole.STUDENT, ['o1']],
      ['u7', PersonRole.STUDENT, ['o2']],
    ]);
    expect(mapped(source, 'people', people[0].fields)).toEqual({
      givenName: 'Tara',
      middleName: 'M',
      familyName: 'Teach',
      email: 'tara@d.org',
      username: 'tteach',
      sisId: 'T100',
      grade: null,
    });
    expect(people[2].fields.enabledUser).toBe('false');
    const problems = source.takeProblems();
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['MISSING_REQUIRED_FIELD', 'users.csv row 8 has no sourcedId; the row was skipped.'],
      ['INVALID_VALUE', 'users.csv row 10 has 10 fields but the header has 18; the row was skipped (check for an unquoted comma or a missing field).'],
      ['ROLE_SKIPPED', 'Skipped 2 users with the role "parent": Homeroom syncs teachers and students only.'],
      ['ROLE_SKIPPED', 'Skipped 1 user with the role "administrator": Homeroom syncs teachers and students only.'],
    ]);
    expect(problems.every((p) => p.entityType === 'people')).toBe(true);
  });

  it('yields teacher and student enrollments with primary flags and dates', async () => {
    const enrollments = await all(source, 'enrollments');
    expect(enrollments).toEqual([
      { sourceId: 'e1', sectionSourceId: 'k1', personSourceId: 'u1', role: PersonRole.TEACHER, primary: true, beginDate: '2024-08-01', endDate: null },
      { sourceId: 'e2', sectionSourceId: 'k1', personSourceId: 'u7', role: PersonRole.STUDENT, primary: false, beginDate: null, endDate: null },
      { sourceId: 'e3', sectionSourceId: 'k2', personSourceId: 'u2', role: PersonRole.STUDENT, primary: false, beginDate: null, endDate: null },
      { sourceId: 'e4', sectionSourceId: 'k2', personSourceId: 'u1', role: PersonRole.TEACHER, primary: false, beginDate: null, endDate: '2025-06-30' },
      { sourceId: 'e9', sectionSourceId: 'k1', personSourceId: 'u9', role: PersonRole.TEACHER, primary: false, beginDate: null, endDate: null },
      { sourceId: 'e10', sectionSourceId: 'k1', personSourceId: 'u2', role: PersonRole.STUDENT, primary: false, beginDate: null, endDate: null },
    ]);
    const problems = source.takeProblems();
    expect(problems.map((p) => [p.code, p.sourceId])).toEqual([
      ['MISSING_REQUIRED_FIELD', 'e8'],
      ['INVALID_VALUE', 'e9'],
      ['INVALID_VALUE', 'e9'],
      ['ROLE_SKIPPED', null],
      ['ROLE_SKIPPED', null],
    ]);
    expect(problems[0].message).toBe('enrollments.csv row 9 (e8) has no classSourcedId; the row was skipped.');
    expect(problems[1].message).toBe('enrollments.csv row 10: primary "maybe" is not true or false; false was used.');
    expect(problems[2].message).toContain('beginDate "2024-02-30" is not a date');
    expect(problems.slice(3).map((p) => p.message)).toEqual([
      'Skipped 1 enrollment with the role "administrator": Homeroom syncs teachers and students only.',
      'Skipped 1 enrollment with the role "aide": Homeroom syncs teachers and students only.',
    ]);
  });

  it('describes the district with its district org name and counts', async () => {
    await expect(source.describe()).resolves.toEqual({ districtName: 'Springfield Unified', counts: { schools: 2, people: 3, sections: 3 } });
    expect(source.takeProblems()).toEqual([]); // nothing new: every problem was reported once already
  });
});

describe('OneRosterCsvSource (zip)', () => {
  it('reads the same records from a zip as from the folder', async () => {
    const zip = join(root, 'oneroster.zip');
    writeZip(
      zip,
      Object.entries(FILES).map(([name, data]) => ({ name, data })),
    );
    const fromZip = new OneRosterCsvSource({ path: zip });
    const fromFolder = new OneRosterCsvSource({ path: folder });
    for (const entity of ['schools', 'terms', 'courses', 'people', 'sections', 'enrollments'] as const) {
      expect(await all(fromZip, entity)).toEqual(await all(fromFolder, entity));
    }
    expect((await fromZip.describe()).districtName).toBe('Springfield Unified');
  });
});

describe('OneRosterCsvSource with a 1.2 roles.csv', () => {
  it('takes role and schools from roles.csv: primary first, teacher or student over other roles', async () => {
    const dir = writeFolder(join(root, 'roles'), {
      ...FILES,
      'manifest.csv': CRLF([...MANIFEST.filter((l) => !l.startsWith('oneroster.version')), 'oneroster.version,1.2', 'file.roles,bulk']),
      'users.csv': LF([
        'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,grades',
        'u1,,,true,tteach,,Tara,Teach,,T100,tara@d.org,',
        'u2,,,true,sstud,,Sam,Stud,,S200,,03',
        'u3,,,true,pp,,Pat,Parent,,,,',
        'u8,,,true,boss,,Bea,Boss,,T800,,',
        'u9,,,true,norole,,Nora,Role,,,,',
      ]),
      'roles.csv': LF([
        'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId',
        'r1,,,u1,secondary,teacher,,,o2,',
        'r2,,,u1,secondary,administrator,,,d1,',
        'r3,,,u1,primary,teacher,,,o1,',
        'r4,,,u2,primary,student,,,o1,',
        'r5,tobedeleted,,u2,secondary,student,,,o2,',
        'r6,,,u3,primary,parent,,,o1,',
        'r7,,,u8,primary,districtAdministrator,,,d1,',
        'r8,,,u8,secondary,teacher,,,o2,',
      ]),
    });
    const source = new OneRosterCsvSource({ path: dir });
    const people = await all(source, 'people');
    expect(people.map((p) => [p.sourceId, p.role, p.schoolSourceIds])).toEqual([
      ['u1', PersonRole.TEACHER, ['o1', 'o2']],
      ['u2', PersonRole.STUDENT, ['o1']],
      ['u8', PersonRole.TEACHER, ['o2']],
    ]);
    expect(source.takeProblems().map((p) => [p.code, p.sourceId, p.message])).toEqual([
      ['MISSING_REQUIRED_FIELD', 'u9', 'users.csv row 6 (u9) has no role in roles.csv; the user was skipped.'],
      ['ROLE_SKIPPED', null, 'Skipped 1 user with the role "parent": Homeroom syncs teachers and students only.'],
    ]);
  });

  it('does not need role and orgSourcedIds in users.csv only when roles.csv is there', async () => {
    const dir = writeFolder(join(root, 'no-roles'), {
      ...FILES,
      'users.csv': LF(['sourcedId,givenName,familyName', 'u1,Tara,Teach']),
    });
    await expect(all(new OneRosterCsvSource({ path: dir }), 'people')).rejects.toThrow(
      new SourceError('users.csv is missing the required columns "role", "orgSourcedIds"'),
    );
  });
});

describe('OneRosterCsvSource errors', () => {
  const variant = (name: string, files: Record<string, string | null>) => writeFolder(join(root, name), { ...FILES, ...files });

  it('rejects delta files', async () => {
    const dir = variant('delta', { 'manifest.csv': CRLF(MANIFEST.map((l) => (l === 'file.users,bulk' ? 'file.users,delta' : l))) });
    const err = await all(new OneRosterCsvSource({ path: dir }), 'schools').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toBe('manifest.csv marks users.csv as a delta file: delta files are not supported yet (export bulk files)');
  });

  it('ignores delta files it does not read', async () => {
    const dir = variant('delta-unused', { 'manifest.csv': CRLF(MANIFEST.map((l) => (l === 'file.results,absent' ? 'file.results,delta' : l))) });
    expect(await all(new OneRosterCsvSource({ path: dir }), 'schools')).toHaveLength(2);
  });

  it('requires manifest.csv', async () => {
    const dir = variant('no-manifest', { 'manifest.csv': null });
    await expect(all(new OneRosterCsvSource({ path: dir }), 'schools')).rejects.toThrow(new SourceError(`manifest.csv was not found in ${dir}`));
  });

  it('rejects a required file the manifest marks absent, and a file marked bulk that is missing', async () => {
    const absent = variant('absent', { 'manifest.csv': CRLF(MANIFEST.map((l) => (l === 'file.enrollments,bulk' ? 'file.enrollments,absent' : l))) });
    await expect(all(new OneRosterCsvSource({ path: absent }), 'schools')).rejects.toThrow(/^enrollments\.csv is required, but manifest\.csv marks it absent/);
    const missing = variant('missing', { 'courses.csv': null });
    await expect(all(new OneRosterCsvSource({ path: missing }), 'schools')).rejects.toThrow(new SourceError(`courses.csv was not found in ${missing}`));
  });

  it('rejects an unknown manifest value', async () => {
    const dir = variant('bad-manifest', { 'manifest.csv': CRLF(MANIFEST.map((l) => (l === 'file.orgs,bulk' ? 'file.orgs,full' : l))) });
    await expect(all(new OneRosterCsvSource({ path: dir }), 'schools')).rejects.toThrow(
      'manifest.csv gives file.orgs the value "full"; expected bulk, absent or delta',
    );
  });

  it('names the file and the missing column', async () => {
    const dir = variant('no-school-column', { 'classes.csv': FILES['classes.csv'].replace('schoolSourcedId', 'school') });
    await expect(all(new OneRosterCsvSource({ path: dir }), 'schools')).rejects.toThrow(
      new SourceError('classes.csv is missing the required column "schoolSourcedId"'),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonRole } from '../../src/roster/roster-enums.js';
import { CleverCsvSource } from '../../src/sync/sources/clever-csv.source.js';
import { parseDate } from '../../src/sync/sources/csv-files.js';
import { writeZip } from '../support/zip-writer.js';
import { all, mapped } from '../support/source-records.js';
import { SourceError } from '../../src/errors.js';

const CRLF = (lines: string[]) => lines.join('\r\n') + '\r\n';
const CR = (lines: string[]) => lines.join('\r') + '\r';
const LF = (lines: string[]) => lines.join('\n') + '\n';

/** A small district exercising every quirk; each file uses different line endings. */
const FILES: Record<string, string> = {
  // UTF-8 BOM, CRLF, quoted comma and doubled quotes, blank optional columns, an unknown column.
  'schools.csv':
    '\ufeff' +
    CRLF([
      'School_id,School_name,School_number,State_id,Low_grade,High_grade,Principal,Mascot',
      'sch1,"Lincoln Elementary, North",101,ST-1,K,5,"Ann ""Annie"" Smith",Owls',
      'sch2,Washington High,102,,9,12,,',
      ',Nameless School,103,,,,,',
      'sch1,Lincoln Again,104,,,,,',
    ]),
  // CR only. t1 teaches at two schools; t3 is attached to no school.
  'teachers.csv': CR([
    'Teacher_id,School_id,First_name,Last_name,Teacher_email,Teacher_number,State_teacher_id,Title,Username',
    't1,sch1,Tina,Tran,tina@district.org,T001,STT-1,Ms.,ttran',
    't2,sch1,Bob,Ross,bob@district.org,T002,,Mr.,bross',
    't1,sch2,Tina,Tran,tina@district.org,T001,STT-1,Ms.,ttran',
    't3,,Dana,Coach,dana@district.org,T003,,,dcoach',
  ]),
  // LF; a quoted newline; columns in another order and an unknown trailing column.
  'students.csv': LF([
    'School_id,Student_id,First_name,Middle_name,Last_name,Grade,Student_number,State_id,Student_email,Username,Locker',
    'sch1,s1,Amy,,Adams,3,S001,ST-S1,amy@students.org,amy,12',
    'sch1,s2,"Bo\nJo",Q,Brown,4,S002,ST-S2,bo@students.org,bo,',
    'sch1,,No,,Id,4,S00X,,,,',
    'sch2,s3,Too,Few',
    'sch2,s4,Cy,,"Cole, Jr.",10,S004,ST-S4,cy@students.org,cy,',
    'sch2,t2,Same,,Id,10,S005,,,,',
    'sch1,s4,Cy,,"Cole, Jr.",10,S004,ST-S4,cy@students.org,cy,',
  ]),
  // CRLF. Co-teacher slots repeat the primary and each other; M/D/YY, M/D/YYYY and ISO dates.
  'sections.csv': CRLF([
    'Section_id,School_id,Teacher_id,Teacher_2_id,Teacher_3_id,Teacher_10_id,Name,Section_number,Grade,Course_name,Course_number,Period,Subject,Term_name,Term_start,Term_end',
    'sec1,sch1,t1,t2,t1,t2,Math 3A,3A,3,Math 3,M3,1,Math,Fall 2024,8/15/24,12/20/2024',
    'sec2,sch1,t2,t2,,,,3B,3,Math 3,M3,2,Math,Fall 2024,2024-08-15,12/20/24',
    'sec3,sch2,t1,,,,Biology,B1,9,Biology,,3,Science,Year,08/01/2024,06/30/2025',
    'sec4,sch2,,t3,,,Study Hall,,9,,,4,,Spring,13/45/2025,6/1/25',
    'sec1,sch1,t2,,,,Duplicate,,,,,,,,,',
    ',sch1,t2,,,,No id,,,,,,,,,',
  ]),
  // Mixed endings inside one file.
  'enrollments.csv': 'School_id,Section_id,Student_id\r\nsch1,sec1,s1\rsch1,sec1,s2\nsch1,sec2,s2\r\nsch1,,s1\r\nsch2,sec3,s4\n',
};

function writeFolder(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

let root: string;
let folder: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'clever-csv-'));
  folder = writeFolder(mkdir(join(root, 'district')), FILES);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function mkdir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('parseDate', () => {
  it('normalizes M/D/YY, M/D/YYYY and YYYY-MM-DD, with 2-digit years as 20YY', () => {
    expect(parseDate('8/5/24')).toBe('2024-08-05');
    expect(parseDate('08/05/2024')).toBe('2024-08-05');
    expect(parseDate('12/31/99')).toBe('2099-12-31');
    expect(parseDate('2024-8-5')).toBe('2024-08-05');
    expect(parseDate('2024-08-05T00:00:00Z')).toBe('2024-08-05');
    expect(parseDate(' 2/29/2024 ')).toBe('2024-02-29');
  });
  it('returns null for blank and undefined for what is not a date', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate('2/29/2023')).toBeUndefined();
    expect(parseDate('13/1/2024')).toBeUndefined();
    expect(parseDate('Aug 5 2024')).toBeUndefined();
    expect(parseDate('5/8/124')).toBeUndefined();
  });
});

describe('CleverCsvSource (folder)', () => {
  let source: CleverCsvSource;
  beforeAll(() => {
    source = new CleverCsvSource({ path: folder });
  });

  it('reads schools through a BOM, quoted commas and quotes, blank and unknown columns', async () => {
    const schools = await all(source, 'schools');
    expect(schools.map((s) => s.sourceId)).toEqual(['sch1', 'sch2']);
    expect(mapped(source, 'schools', schools[0].fields)).toEqual({
      name: 'Lincoln Elementary, North',
      schoolNumber: '101',
      stateId: 'ST-1',
      ncesId: null,
      lowGrade: 'K',
      highGrade: '5',
      principal: 'Ann "Annie" Smith',
    });
    expect(schools[0].fields.Mascot).toBe('Owls');
    expect(schools[1].fields.State_id).toBeNull();
    expect(schools[1].fields.Principal).toBeNull();
    const problems = source.takeProblems();
    expect(problems).toEqual([
      expect.objectContaining({
        entityType: 'schools',
        sourceId: null,
        code: 'MISSING_REQUIRED_FIELD',
        message: 'schools.csv row 4 has no School_id; the row was skipped.',
      }),
      expect.objectContaining({ entityType: 'schools', sourceId: 'sch1', code: 'DUPLICATE_SOURCE_ID' }),
    ]);
    expect(problems[1].message).toContain('schools.csv row 5');
  });

  it('derives terms from sections with normalized dates, each once', async () => {
    const terms = await all(source, 'terms');
    expect(terms.map((t) => t.fields)).toEqual([
      { Term_name: 'Fall 2024', Term_start: '2024-08-15', Term_end: '2024-12-20' },
      { Term_name: 'Year', Term_start: '2024-08-01', Term_end: '2025-06-30' },
      { Term_name: 'Spring', Term_start: null, Term_end: '2025-06-01' },
    ]);
    expect(mapped(source, 'terms', terms[0].fields)).toEqual({ name: 'Fall 2024', startDate: '2024-08-15', endDate: '2024-12-20' });
    const problems = source.takeProblems();
    expect(problems).toContainEqual(expect.objectContaining({ entityType: 'sections', sourceId: 'sec4', code: 'INVALID_VALUE' }));
    expect(problems.find((p) => p.sourceId === 'sec4')!.message).toContain('Term_start "13/45/2025" is not a date');
    expect(problems).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_SOURCE_ID', sourceId: 'sec1' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'MISSING_REQUIRED_FIELD', message: expect.stringContaining('sections.csv row 7 has no Section_id') }),
    );
  });

  it('derives courses per school from Course_number, or Course_name without a number', async () => {
    const courses = await all(source, 'courses');
    expect(courses.map((c) => c.sourceId)).toEqual(['sch1:M3', 'sch2:Biology']);
    expect(mapped(source, 'courses', courses[0].fields)).toEqual({ name: 'Math 3', number: 'M3', subject: 'Math' });
  });

  it('yields sections with their school, course and term, first row of an id only', async () => {
    const sections = await all(source, 'sections');
    const terms = await all(source, 'terms');
    expect(sections.map((s) => s.sourceId)).toEqual(['sec1', 'sec2', 'sec3', 'sec4']);
    const [sec1, sec2, sec3, sec4] = sections;
    expect(sec1).toMatchObject({ schoolSourceId: 'sch1', courseSourceId: 'sch1:M3', termSourceIds: [terms[0].sourceId] });
    expect(sec2.termSourceIds).toEqual(sec1.termSourceIds); // same term from differently written dates
    expect(sec3).toMatchObject({ schoolSourceId: 'sch2', courseSourceId: 'sch2:Biology', termSourceIds: [terms[1].sourceId] });
    expect(sec4).toMatchObject({ courseSourceId: null, termSourceIds: [terms[2].sourceId] });
    expect(mapped(source, 'sections', sec1.fields)).toEqual({ name: 'Math 3A', sectionNumber: '3A', period: '1', grade: '3', subject: 'Math' });
    expect(mapped(source, 'sections', sec2.fields).name).toBe('Math 3'); // blank Name → Course_name
  });

  it('merges a person on several rows, maps teacher and student columns to the same keys, and reports bad rows', async () => {
    source.takeProblems();
    const people = await all(source, 'people');
    expect(people.map((p) => [p.sourceId, p.role, p.schoolSourceIds])).toEqual([
      ['t1', PersonRole.TEACHER, ['sch1', 'sch2']],
      ['t2', PersonRole.TEACHER, ['sch1']],
      ['t3', PersonRole.TEACHER, []],
      ['s1', PersonRole.STUDENT, ['sch1']],
      ['s2', PersonRole.STUDENT, ['sch1']],
      ['s4', PersonRole.STUDENT, ['sch2', 'sch1']],
    ]);
    const byId = new Map(people.map((p) => [p.sourceId, p]));
    expect(mapped(source, 'people', byId.get('t1')!.fields)).toEqual({
      givenName: 'Tina',
      middleName: null,
      familyName: 'Tran',
      email: 'tina@district.org',
      username: 'ttran',
      sisId: 'T001',
      stateId: 'STT-1',
      grade: null,
    });
    expect(mapped(source, 'people', byId.get('s1')!.fields)).toEqual({
      givenName: 'Amy',
      middleName: null,
      familyName: 'Adams',
      email: 'amy@students.org',
      username: 'amy',
      sisId: 'S001',
      stateId: 'ST-S1',
      grade: '3',
    });
    expect(byId.get('s2')!.fields.First_name).toBe('Bo\nJo');
    expect(byId.get('s4')!.fields.Last_name).toBe('Cole, Jr.');
    expect(byId.get('s1')!.fields.Locker).toBe('12');

    const problems = source.takeProblems();
    expect(problems.map((p) => [p.code, p.sourceId])).toEqual([
      ['INVALID_VALUE', null],
      ['MISSING_REQUIRED_FIELD', null],
      ['DUPLICATE_SOURCE_ID', 't2'],
    ]);
    expect(problems[0].message).toBe(
      'students.csv row 5 has 4 fields but the header has 11; the row was skipped (check for an unquoted comma or a missing field).',
    );
    expect(problems[1].message).toBe('students.csv row 4 has no Student_id; the row was skipped.');
    expect(problems[2].message).toContain('also a Teacher_id');
  });

  it('enrolls the primary teacher, each co-teacher once, then the students', async () => {
    const enrollments = await all(source, 'enrollments');
    expect(enrollments.map((e) => [e.sectionSourceId, e.personSourceId, e.role, e.primary])).toEqual([
      ['sec1', 't1', PersonRole.TEACHER, true],
      ['sec1', 't2', PersonRole.TEACHER, false],
      ['sec2', 't2', PersonRole.TEACHER, true],
      ['sec3', 't1', PersonRole.TEACHER, true],
      ['sec4', 't3', PersonRole.TEACHER, false],
      ['sec1', 's1', PersonRole.STUDENT, false],
      ['sec1', 's2', PersonRole.STUDENT, false],
      ['sec2', 's2', PersonRole.STUDENT, false],
      ['sec3', 's4', PersonRole.STUDENT, false],
    ]);
    expect(enrollments.every((e) => e.sourceId === null)).toBe(true);
    expect(source.takeProblems()).toContainEqual(
      expect.objectContaining({
        entityType: 'enrollments',
        code: 'MISSING_REQUIRED_FIELD',
        message: 'enrollments.csv row 5 has no Section_id; the row was skipped.',
      }),
    );
  });

  it('reports each problem once however often a file is re-read', async () => {
    source.takeProblems();
    await all(source, 'terms');
    const first = source.takeProblems();
    await all(source, 'sections');
    await all(source, 'enrollments');
    expect(first).toEqual([]); // all reported by the earlier tests
    expect(source.takeProblems()).toEqual([]);
    const fresh = new CleverCsvSource({ path: folder });
    await all(fresh, 'terms');
    await all(fresh, 'courses');
    await all(fresh, 'sections');
    const problems = fresh.takeProblems();
    expect(problems.filter((p) => p.sourceId === 'sec4')).toHaveLength(1);
    expect(problems.filter((p) => p.code === 'DUPLICATE_SOURCE_ID')).toHaveLength(1);
  });

  it('describes the district: no name, counts of schools, people and sections', async () => {
    await expect(source.describe()).resolves.toEqual({ districtName: null, counts: { schools: 2, people: 6, sections: 4 } });
  });
});

describe('CleverCsvSource (zip)', () => {
  it('reads the same district from a zip with a wrapping folder, deflated and stored entries', async () => {
    const zip = join(root, 'export.zip');
    writeZip(zip, [
      { name: 'export/', data: '', method: 0 },
      ...Object.entries(FILES).map(([name, data], i) => ({ name: `export/${name}`, data, method: (i % 2 === 0 ? 8 : 0) as 0 | 8 })),
      { name: '__MACOSX/export/._schools.csv', data: 'junk' },
    ]);
    const fromZip = new CleverCsvSource({ path: zip });
    const fromFolder = new CleverCsvSource({ path: folder });
    for (const entity of ['schools', 'terms', 'courses', 'people', 'sections', 'enrollments'] as const) {
      expect(await all(fromZip, entity)).toEqual(await all(fromFolder, entity));
    }
    expect(fromZip.takeProblems()).toEqual(fromFolder.takeProblems());
  });

  it('rejects a file that is neither a folder nor a zip', async () => {
    const bogus = join(root, 'bogus.zip');
    writeFileSync(bogus, 'not a zip');
    await expect(all(new CleverCsvSource({ path: bogus }), 'schools')).rejects.toThrow(/neither a folder nor a readable zip/);
  });
});

describe('CleverCsvSource errors', () => {
  function variant(name: string, files: Record<string, string | null>): string {
    const dir = mkdir(join(root, name));
    writeFolder(dir, Object.fromEntries(Object.entries({ ...FILES, ...files }).filter(([, t]) => t !== null)) as Record<string, string>);
    return dir;
  }

  it('throws one SourceError naming the file and the missing column, before yielding anything', async () => {
    const dir = variant('no-section-id', { 'sections.csv': FILES['sections.csv'].replace('Section_id,', 'Section,') });
    const source = new CleverCsvSource({ path: dir });
    const err = await all(source, 'schools').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toBe('sections.csv is missing the required column "Section_id"');
  });

  it('names every missing column in one message', async () => {
    const dir = variant('no-enrollment-columns', { 'enrollments.csv': 'School_id,Section\r\nsch1,sec1\r\n' });
    await expect(all(new CleverCsvSource({ path: dir }), 'people')).rejects.toThrow(
      'enrollments.csv is missing the required columns "Section_id", "Student_id"',
    );
  });

  it('throws a SourceError naming a missing file', async () => {
    const dir = variant('no-teachers', { 'teachers.csv': null });
    await expect(all(new CleverCsvSource({ path: dir }), 'schools')).rejects.toThrow(new SourceError(`teachers.csv was not found in ${dir}`));
  });

  it('matches column names case-insensitively and keys them in Clever spelling', async () => {
    const dir = variant('lower-case', { 'schools.csv': 'school_id,SCHOOL_NAME\nx1,Lower Case School\n' });
    const [school] = await all(new CleverCsvSource({ path: dir }), 'schools');
    expect(school).toEqual({ sourceId: 'x1', fields: { School_id: 'x1', School_name: 'Lower Case School' } });
  });

  it('reports a stray quote as one problem on its line and reads on from the next line', async () => {
    const dir = variant('unclosed', { 'schools.csv': 'School_id,School_name\nok1,Fine\nbad,"Never closed\nok2,Read on\n' });
    const source = new CleverCsvSource({ path: dir });
    expect((await all(source, 'schools')).map((s) => s.sourceId)).toEqual(['ok1', 'ok2']);
    expect(source.takeProblems()).toEqual([
      expect.objectContaining({
        entityType: 'schools',
        code: 'INVALID_VALUE',
        message:
          'schools.csv line 3 could not be read: a quoted field that opens on this line is never closed; the line was skipped and reading went on with the next line.',
      }),
    ]);
  });

  it('fails the whole source when the file ends inside a quoted field (a cut-off file)', async () => {
    const dir = variant('cut-in-quote', { 'schools.csv': 'School_id,School_name\nok1,Fine\nok2,"Cut off her' });
    await expect(all(new CleverCsvSource({ path: dir }), 'schools')).rejects.toThrow(
      new SourceError('schools.csv cannot be trusted: it ends inside a quoted field that opens on line 3, so the file looks cut off; nothing was synced.'),
    );
  });

  it('streams a file larger than one read chunk with CR endings and keeps row numbers exact', async () => {
    const rows = ['Student_id,School_id,First_name,Last_name'];
    for (let i = 1; i <= 20000; i++) rows.push(i === 15000 ? `s${i},sch1,Only Three` : `s${i},sch${1 + (i % 2)},Given ${i},"Family, ${i}"`);
    const dir = variant('big', { 'students.csv': CR(rows), 'enrollments.csv': CRLF(['School_id,Section_id,Student_id']) });
    expect(readFileSync(join(dir, 'students.csv')).length).toBeGreaterThan(5 * 65536);
    const source = new CleverCsvSource({ path: dir });
    const students = (await all(source, 'people')).filter((p) => p.role === PersonRole.STUDENT);
    expect(students).toHaveLength(19999);
    expect(students[19998]).toMatchObject({ sourceId: 's20000', schoolSourceIds: ['sch1'], fields: { Last_name: 'Family, 20000' } });
    expect(
      source
        .takeProblems()
        .filter((p) => p.entityType === 'people')
        .map((p) => p.message),
    ).toEqual(['students.csv row 15001 has 3 fields but the header has 4; the row was skipped (check for an unquoted comma or a missing field).']);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const iterate = async () => {
      for await (const _ of new CleverCsvSource({ path: folder }).records('schools', controller.signal)) {
        /* none */
      }
    };
    await expect(iterate()).rejects.toThrow('cancelled');
  });
});

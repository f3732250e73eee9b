// Source ids compare byte for byte on both dialects (MariaDB's default collation folds case);
// an id too long to store is an issue on its record, not a failed run; and a failed query never
// puts roster values (its SQL, parameters or MySQL's quoted value) into the logs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AppContext } from '../../src/app-context.js';
import { createLogger } from '../../src/logger.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { SyncStatus } from '../../src/sync/sync-enums.js';
import { SyncIssue } from '../../src/sync/sync-issue.entity.js';
import { damageLine, writeDemoCsvExport } from '../support/demo-csv-export.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const LONG = (prefix: string) => `${prefix}-${'9'.repeat(300)}`;

describe.each(DIALECTS)('source ids on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
    root = mkdtempSync(join(tmpdir(), 'homeroom-ids-'));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await db.drop();
  });

  const dirWith = (files: Record<string, string[]>): string => {
    const dir = mkdtempSync(join(root, 'export-'));
    for (const [file, lines] of Object.entries(files)) writeFileSync(join(dir, file), `${lines.join('\r\n')}\r\n`);
    return dir;
  };
  const ids = async (table: string, districtId: number): Promise<string[]> =>
    ((await db.ds.query(`SELECT sourceId FROM ${table} WHERE districtId = ? AND deletedAt IS NULL`, [districtId])) as Array<{ sourceId: string }>)
      .map((r) => r.sourceId)
      .sort();

  it('ids that differ only by case, or by a NUL byte, are distinct records; a second sync changes nothing', async () => {
    const dir = dirWith({
      'schools.csv': ['School_id,School_name', 'SCH-A,Upper School', 'sch-a,Lower School'],
      'teachers.csv': ['Teacher_id,School_id,First_name,Last_name', 'T1,SCH-A,Ann,Upper', 't1,sch-a,Bea,Lower'],
      'students.csv': [
        'Student_id,School_id,First_name,Last_name',
        '02M800,SCH-A,Cal,Upper',
        '02m800,sch-a,Dee,Lower',
        'x,SCH-A,Eve,Plain',
        'x\0,SCH-A,Fay,Nul',
      ],
      'sections.csv': [
        'Section_id,School_id,Teacher_id,Name,Term_name,Term_start,Term_end',
        'SEC1,SCH-A,T1,Math,Year,8/1/26,6/30/27',
        'sec1,sch-a,t1,Art,Year,8/1/26,6/30/27',
      ],
      'enrollments.csv': ['School_id,Section_id,Student_id', 'SCH-A,SEC1,02M800', 'sch-a,sec1,02m800', 'SCH-A,SEC1,x', 'SCH-A,SEC1,x\0'],
    });
    const d = await createDistrict(app, 'Case', SourceKind.CLEVER_CSV, { path: dir });
    const first = await sync(app, d.id);
    expect([first.status, first.error]).toEqual([SyncStatus.LAUNCHED, null]);
    expect(await ids('school', d.id)).toEqual(['SCH-A', 'sch-a'].sort());
    expect(await ids('person', d.id)).toEqual(['02M800', '02m800', 'T1', 't1', 'x', 'x\0'].sort());
    expect(await ids('section', d.id)).toEqual(['SEC1', 'sec1'].sort());
    const names: Array<{ sourceId: string; givenName: string }> = await db.ds.query(
      'SELECT sourceId, givenName FROM person WHERE districtId = ? AND sourceId = ?',
      [d.id, '02m800'],
    );
    expect(names).toEqual([{ sourceId: '02m800', givenName: 'Dee' }]);
    expect(first.counts!.enrollments.created).toBe(6);

    const second = await sync(app, d.id);
    expect(second.status).toBe(SyncStatus.LAUNCHED);
    for (const [entity, c] of Object.entries(second.counts!)) expect([entity, c.created, c.updated, c.deleted]).toEqual([entity, 0, 0, 0]);

    // Trailing spaces count too (a NO PAD collation), though the sync trims ids before they get here.
    await db.ds.query("INSERT INTO school (districtId, sourceId, name) VALUES (?, 'pad', 'P'), (?, 'pad ', 'P')", [d.id, d.id]);
    expect(await ids('school', d.id)).toEqual(['SCH-A', 'pad', 'pad ', 'sch-a'].sort());
  });

  it('an id over 255 characters is an issue on that record; the rest syncs (Clever CSV)', async () => {
    const dir = dirWith({
      'schools.csv': ['School_id,School_name', 'SCH-A,Upper School'],
      'teachers.csv': ['Teacher_id,School_id,First_name,Last_name', 'T1,SCH-A,Ann,Upper'],
      'students.csv': ['Student_id,School_id,First_name,Last_name', 'S1,SCH-A,Cal,Upper', `${LONG('S')},SCH-A,Long,Id`],
      'sections.csv': [
        'Section_id,School_id,Teacher_id,Name,Term_name,Term_start,Term_end',
        'SEC1,SCH-A,T1,Math,Year,8/1/26,6/30/27',
        `${LONG('SEC')},SCH-A,T1,Long,Year,8/1/26,6/30/27`,
      ],
      'enrollments.csv': ['School_id,Section_id,Student_id', 'SCH-A,SEC1,S1', `SCH-A,SEC1,${LONG('S')}`, `SCH-A,${LONG('SEC')},S1`],
    });
    const d = await createDistrict(app, 'Long Clever', SourceKind.CLEVER_CSV, { path: dir });
    const run = await sync(app, d.id);
    expect([run.status, run.error]).toEqual([SyncStatus.LAUNCHED, null]);
    expect(run.issueCounts).toMatchObject({ SOURCE_ID_TOO_LONG: 2 });
    const issues = await db.ds.getRepository(SyncIssue).findBy({ runId: run.id, code: 'SOURCE_ID_TOO_LONG' });
    expect(issues.map((i) => i.entityType).sort()).toEqual(['people', 'sections']);
    for (const i of issues) expect(i.message).toMatch(/its id has \d+ characters, more than the 255 Homeroom can store; it was not synced\.$/);
    expect(await ids('person', d.id)).toEqual(['S1', 'T1']);
    expect(await ids('section', d.id)).toEqual(['SEC1']);
    expect(run.counts!.enrollments.created).toBe(2); // T1 and S1 in SEC1
  });

  it('an enrollment sourcedId over 255 characters is dropped with an issue, and a user with one is an issue (OneRoster CSV)', async () => {
    const dir = writeDemoCsvExport(SourceKind.ONEROSTER_CSV, 30);
    damageLine(dir, 'enrollments.csv', 5, (l) => `${LONG('enr')}${l.slice(l.indexOf(','))}`);
    appendFileSync(
      join(dir, 'users.csv'),
      `${[LONG('usr'), 'active', '', 'true', 'sch-0001', 'student', 'lu', '', 'Long', 'Id', '', '', '', '', '', '', '05', ''].join(',')}\r\n`,
    );
    const d = await createDistrict(app, 'Long OneRoster', SourceKind.ONEROSTER_CSV, { path: dir });
    const run = await sync(app, d.id);
    expect([run.status, run.error]).toEqual([SyncStatus.LAUNCHED, null]);
    const issues = await db.ds.getRepository(SyncIssue).findBy({ runId: run.id, code: 'SOURCE_ID_TOO_LONG' });
    expect(issues.map((i) => i.entityType).sort()).toEqual(['enrollments', 'people']);
    const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM enrollment WHERE districtId = ? AND sourceId IS NULL', [d.id]);
    expect(Number(n)).toBe(1);
    expect(run.counts!.people.created).toBe(32); // 30 students and 2 teachers; not the long one
    expect(await ids('person', d.id)).not.toContain(LONG('usr'));
  });

  it('a failed query is logged as its code and table: no SQL, parameters or roster values', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = { ...app, logger: createLogger('info', { stream }) };
    const dir = dirWith({
      'schools.csv': ['School_id,School_name', 'SCH-Z,Zanzibar Academy'],
      'teachers.csv': ['Teacher_id,School_id,First_name,Last_name,Teacher_email', 'tch-Quixote,SCH-Z,Dulcinea,Quixote,dulcinea.quixote@staff.example'],
      'students.csv': ['Student_id,School_id,First_name,Last_name', 'stu-Secret-1,SCH-Z,Zebulon,Marchbanks'],
      'sections.csv': ['Section_id,School_id,Teacher_id,Name,Term_name,Term_start,Term_end', 'sec-Z,SCH-Z,tch-Quixote,Math,Year,8/1/26,6/30/27'],
      'enrollments.csv': ['School_id,Section_id,Student_id', 'SCH-Z,sec-Z,stu-Secret-1'],
    });
    const d = await createDistrict(app, 'Logs', SourceKind.CLEVER_CSV, { path: dir });
    // A real failure in the apply: the database refuses the people insert.
    await db.ds.query(
      dialect === 'mysql'
        ? "CREATE TRIGGER refuse_person BEFORE INSERT ON person FOR EACH ROW BEGIN IF NEW.sourceId = 'stu-Secret-1' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by a test trigger'; END IF; END"
        : "CREATE TRIGGER refuse_person BEFORE INSERT ON person WHEN NEW.sourceId = 'stu-Secret-1' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END",
    );
    try {
      const run = await sync(logged, d.id);
      expect(run.status).toBe(SyncStatus.FAILED);
    } finally {
      await db.ds.query('DROP TRIGGER refuse_person');
    }
    // And a unique violation, whose MySQL message quotes the value, logged directly.
    await db.ds.query("INSERT INTO school (districtId, sourceId, name) VALUES (?, 'sch-Duplicate-Zed', 'Zed')", [d.id]);
    const dup = await db.ds.query("INSERT INTO school (districtId, sourceId, name) VALUES (?, 'sch-Duplicate-Zed', 'Zed')", [d.id]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(dup).toBeInstanceOf(Error);
    logged.logger.error({ err: dup }, 'insert failed');
    logged.logger.flush();

    const text = lines.join('');
    expect(text).toContain('sync run failed');
    expect(text).toContain('on table person');
    expect(text).toContain('on table school');
    for (const value of ['Zanzibar', 'Quixote', 'Dulcinea', 'Zebulon', 'Marchbanks', 'stu-Secret', 'sch-Duplicate-Zed', 'SCH-Z', 'INSERT', 'VALUES']) {
      expect([value, text.includes(value)]).toEqual([value, false]);
    }
  });
});

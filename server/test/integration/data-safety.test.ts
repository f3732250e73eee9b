import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../src/app-context.js';
import { District } from '../../src/roster/district.entity.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncIssue } from '../../src/sync/sync-issue.entity.js';
import { cutFile, editRows, REAL_DISTRICT, writeCleverExport } from '../support/clever-export.js';
import { rosterFingerprint } from '../support/faults-roster.js';
import { startTestSmtpServer } from '../support/notify-smtp.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { liveCount } from '../support/roster-probes.js';

/**
 * Damaged copies of a realistic Clever export (1,095 people, ~9,500 enrollments), synced
 * after a good first sync: a damaged export never mass-deletes, in Edit or in Reset.
 */
describe.each(DIALECTS)('data safety on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let root: string;
  let good: string;
  let shape: ReturnType<typeof writeCleverExport>;
  let n = 0;
  let dir: string;
  let districtId: number;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    smtp = await startTestSmtpServer();
    const base = testApp(db);
    app = { ...base, config: { ...base.config, smtpUrl: `${smtp.url}?from=roster@district.example`, publicUrl: 'https://roster.example.org' } };
    root = mkdtempSync(join(tmpdir(), 'homeroom-safety-'));
    good = join(root, 'good');
    shape = writeCleverExport(good, REAL_DISTRICT);
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(async () => {
    dir = join(root, `copy-${++n}`);
    cpSync(good, dir, { recursive: true });
    districtId = (await createDistrict(app, `Safety ${n}`, SourceKind.CLEVER_CSV, { path: dir })).id;
    await app.ds.getRepository(District).update({ id: districtId }, { notifyEmails: ['admin@district.example'] });
    const first = await sync(app, districtId);
    expect(first.status).toBe(SyncStatus.LAUNCHED);
    expect(first.counts!.people.created).toBe(shape.people);
    expect(first.counts!.enrollments.created).toBe(shape.enrollments);
    smtp.mails.length = 0;
  });

  const live = (table: string) => liveCount(app.ds, districtId, table);
  const codes = async (runId: number) => (await app.ds.getRepository(SyncIssue).findBy({ runId })).map((i) => i.code);

  it('holds a scheduled Edit of a cut-off enrollments.csv, changes nothing, emails why, and applies only with the override', async () => {
    cutFile(join(dir, 'enrollments.csv'), 3225);
    const before = await rosterFingerprint(app.ds);
    const held = await sync(app, districtId, { trigger: SyncTrigger.SCHEDULED });
    expect(held.status).toBe(SyncStatus.FAILED);
    expect(held.error).toMatch(/^Held: this export would remove [\d,]+ of [\d,]+ enrollments \(9\d\.\d%\)/);
    expect(await rosterFingerprint(app.ds)).toEqual(before);
    // The held plan stays readable: exactly what would have been removed.
    const [{ planned }] = await app.ds.query("SELECT COUNT(*) AS planned FROM sync_change WHERE runId = ? AND action = 'DELETE'", [held.id]);
    expect(Number(planned)).toBe(Number(held.error!.match(/remove ([\d,]+)/)![1].replace(/,/g, '')));
    await new Promise((r) => setTimeout(r, 300));
    const mail = smtp.mails.find((m) => m.to.includes('admin@district.example'))!;
    expect(mail.subject).toMatch(/held \(too many deletions\) — nothing changed/);
    expect(mail.text).toMatch(/was held at .*: this export would remove [\d,]+ of [\d,]+ enrollments \(9\d\.\d%\) — nothing changed\./);
    expect(mail.text).toContain(`/districts/${districtId}/runs/${held.id}`);

    const applied = await sync(app, districtId, { overrideThreshold: true });
    expect(applied.status).toBe(SyncStatus.LAUNCHED);
    expect(applied.counts!.enrollments.deleted).toBeGreaterThan(shape.enrollments * 0.9);
  });

  it('an Edit of a students.csv cut to 70% deletes no enrollment: they name students the export lost', async () => {
    const before = await live('enrollment');
    cutFile(join(dir, 'students.csv'), Math.floor(statSync(join(dir, 'students.csv')).size * 0.7));
    const run = await sync(app, districtId);
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(run.counts!.enrollments.deleted).toBe(0);
    expect(await live('enrollment')).toBe(before);
    expect(await codes(run.id)).toContain('UNKNOWN_PERSON');
  });

  it('judges teachers and students separately: a Reset missing 84 of 90 teachers is refused though it is 7.7% of people', async () => {
    editRows(join(dir, 'teachers.csv'), (rows) => rows.slice(0, 6));
    const before = await rosterFingerprint(app.ds);
    const run = await sync(app, districtId, { mode: SyncMode.RESET });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toMatch(/^Reset refused: it would delete .*84 of 90 teachers \(93\.3%\)/);
    expect(await rosterFingerprint(app.ds)).toEqual(before);
  });

  it("refuses a run that would empty one school's sections, though the district loses less than the threshold", async () => {
    // A 12-school district: one school's sections are 1/12 of the district.
    const big = join(root, `big-${n}`);
    writeCleverExport(big, { ...REAL_DISTRICT, schools: 12, studentsPerSchool: 60, teachersPerSchool: 4, studentsPerSection: 10 });
    const bigId = (await createDistrict(app, `Twelve ${n}`, SourceKind.CLEVER_CSV, { path: big })).id;
    expect((await sync(app, bigId)).status).toBe(SyncStatus.LAUNCHED);
    editRows(join(big, 'sections.csv'), (rows) => rows.filter((r) => r[1] !== 'sch-4'));
    const run = await sync(app, bigId, { mode: SyncMode.RESET });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toMatch(/16 of 16 sections of School 4, Campus E \(sch-4\) \(100\.0%\)/);
    const edit = await sync(app, bigId);
    expect(edit.status).toBe(SyncStatus.LAUNCHED); // Edit keeps sections; their enrollments stay too (the sections are not synced)
    expect(edit.counts!.enrollments.deleted).toBe(0);
  });

  it('keeps a section with a mistyped School_id and its enrollments, with an issue, in Reset and in Edit', async () => {
    editRows(join(dir, 'sections.csv'), (rows) => rows.map((r) => (r[0] === 'sec-1-3-2' ? [r[0], 'sch-1x', ...r.slice(2)] : r)));
    for (const mode of [SyncMode.RESET, SyncMode.EDIT]) {
      const run = await sync(app, districtId, { mode });
      expect(run.status).toBe(SyncStatus.LAUNCHED);
      expect([run.counts!.sections.deleted, run.counts!.enrollments.deleted]).toEqual([0, 0]);
      const issue = (await app.ds.getRepository(SyncIssue).findBy({ runId: run.id, code: 'UNKNOWN_SCHOOL' }))[0];
      expect(issue.sourceId).toBe('sec-1-3-2');
    }
    const [section] = await app.ds.query(
      "SELECT s.deletedAt, sc.sourceId AS school FROM section s JOIN school sc ON sc.id = s.schoolId WHERE s.districtId = ? AND s.sourceId = 'sec-1-3-2'",
      [districtId],
    );
    expect(section).toEqual({ deletedAt: null, school: 'sch-1' });
  });
});

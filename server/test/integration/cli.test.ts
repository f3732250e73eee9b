import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { TEST_SECRET } from '../support/test-app.js';

const BIN = resolve(process.cwd(), '..', 'bin', 'homeroom.mjs');
const run = promisify(execFile);

/** The real `homeroom` binary in a child process: stdout, stderr and exit code. */
async function homeroom(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The same commands in this process (faster), capturing what they print. */
async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { ...env, LOG_LEVEL: 'silent' } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A tiny Clever district CSV export, CRLF, with a quoted comma. */
function cleverCsvFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeroom-clever-'));
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string[]> = {
    'schools.csv': ['School_id,School_name,School_number', 'S1,"Lincoln, Elementary",101'],
    'teachers.csv': ['Teacher_id,School_id,First_name,Last_name,Teacher_email', 'T1,S1,Ada,Lovelace,ada@example.org', 'T2,,Nobody,Home,nobody@example.org'],
    'students.csv': ['Student_id,School_id,First_name,Last_name,Grade', 'P1,S1,Kid,One,3', 'P2,S1,Kid,Two,3'],
    'sections.csv': [
      'Section_id,School_id,Teacher_id,Name,Course_name,Course_number,Term_name,Term_start,Term_end',
      'C1,S1,T1,Math 3,Math,M3,Year,8/1/26,6/30/27',
    ],
    'enrollments.csv': ['School_id,Section_id,Student_id', 'S1,C1,P1', 'S1,C1,P2'],
  };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join('\r\n')}\r\n`);
  return dir;
}

describe('homeroom CLI usage', () => {
  it('prints help for every command and exits 2 on unknown commands, flags and bad values', async () => {
    const help = await homeroom(['sync', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: homeroom sync <district id or name> [--mode edit|reset]');
    const unknownFlag = await homeroom(['district', 'list', '--colour'], {});
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("Unknown option '--colour'");
    expect(unknownFlag.stderr).toContain('Usage: homeroom district list');
    const unknownCommand = await homeroom(['frobnicate'], {});
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "frobnicate"');
    for (const args of [
      ['sync', 'x', '--mode', 'mirror'],
      ['demo', '--students', 'many'],
      ['sync', 'x', '--as-of', '2026-13-45'],
      ['serve', '--role', 'all', '--processes', '2'],
      ['serve', '--role', 'api', '--processes', '0'],
    ]) {
      const bad = await cli(args, {});
      expect([args.join(' '), bad.code]).toEqual([args.join(' '), 2]);
      expect(bad.err).toMatch(/Usage: homeroom/);
    }
  });

  it('stops with one line naming a bad setting', async () => {
    const r = await homeroom(['district', 'list'], { PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('homeroom: PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});

describe.each(DIALECTS)('homeroom CLI on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET };
  });
  afterAll(() => db.drop());

  it('creates a demo district and syncs it: sync --wait --json prints the counts and exits 0', async () => {
    const demo = await cli(['demo', '--students', '300', '--name', 'CLI Demo'], env);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Created district \d+ "CLI Demo": 1 schools, 315 people, \d+ sections/);
    const r = await homeroom(['sync', 'CLI Demo', '--wait', '--json'], env);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ status: 'LAUNCHED', mode: 'EDIT', dryRun: false, error: null });
    expect(Object.keys(summary.counts)).toEqual(['schools', 'terms', 'courses', 'people', 'sections', 'enrollments']);
    expect(summary.counts.people).toEqual({ created: 0, updated: 0, deleted: 0, restored: 0, ended: 0, unchanged: 315 });
  });

  it('creates, lists and updates a Clever CSV district without ever printing its secrets, then syncs it', async () => {
    const folder = cleverCsvFolder();
    const created = await cli(['district', 'create', '--name', 'Lincoln USD', '--source', 'clever-csv', '--path', folder, '--json'], env);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ name: 'Lincoln USD', source: 'clever-csv', location: folder, schedule: '0 2 * * *' });
    const dup = await cli(['district', 'create', '--name', 'Lincoln USD', '--source', 'demo'], env);
    expect([dup.code, dup.err]).toEqual([1, 'homeroom: A district named "Lincoln USD" already exists']);
    const badTz = await cli(['district', 'update', 'Lincoln USD', '--timezone', 'Mars/Olympus'], env);
    expect(badTz.code).toBe(1);
    expect(badTz.err).toContain('Unknown timezone "Mars/Olympus"');
    const updated = await cli(['district', 'update', 'Lincoln USD', '--schedule', '30 1 * * 1-5', '--timezone', 'America/Chicago', '--json'], env);
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.out)).toMatchObject({ schedule: '30 1 * * 1-5', timezone: 'America/Chicago' });
    expect(JSON.parse(updated.out).nextScheduledSync).toMatch(/T0[67]:30:00/);
    const paused = await cli(['district', 'update', 'Lincoln USD', '--enabled', 'false'], env);
    expect(paused.out).toBe(
      `Updated district ${JSON.parse(updated.out).id} "Lincoln USD"; no scheduled sync: sync is paused for this district (syncEnabled = false).`,
    );
    const expired = await cli(['district', 'update', 'Lincoln USD', '--enabled', 'true', '--expires', '2020-06-30', '--json'], env);
    expect(JSON.parse(expired.out)).toMatchObject({ nextScheduledSync: null, noScheduledSyncReason: 'sync expired on 2020-06-30' });
    const listed = await cli(['district', 'list'], env);
    expect(listed.out).toContain('(no scheduled sync: sync expired on 2020-06-30)');
    const impossible = await cli(['district', 'update', 'Lincoln USD', '--expires', '2026-02-30'], env);
    expect([impossible.code, impossible.err]).toEqual([1, 'homeroom: The sync expiration must be a real date as YYYY-MM-DD, got "2026-02-30"']);
    await cli(['district', 'update', 'Lincoln USD', '--expires', 'never'], env);

    // The district sync date (early rollover): set, shown, refused when impossible, cleared by "today".
    const early = await cli(['district', 'update', 'Lincoln USD', '--sync-as-of', '2099-08-15'], env);
    expect(early.code).toBe(0);
    expect(early.out).toContain('Every sync runs as of 2099-08-15 (early rollover) until that day, then as of today again.');
    const badDay = await cli(['district', 'update', 'Lincoln USD', '--sync-as-of', '2099-02-30'], env);
    expect([badDay.code, badDay.err]).toEqual([
      1,
      'homeroom: --sync-as-of must be a real date as YYYY-MM-DD, or "today" to sync as of today again; got "2099-02-30"',
    ]);
    expect(JSON.parse((await cli(['district', 'update', 'Lincoln USD', '--json'], env)).out).syncAsOf).toBe('2099-08-15');
    expect(JSON.parse((await cli(['district', 'update', 'Lincoln USD', '--sync-as-of', 'today', '--json'], env)).out).syncAsOf).toBeNull();

    const synced = await cli(['sync', 'Lincoln USD', '--wait', '--json', '--as-of', '2026-11-23'], env);
    expect(synced.code).toBe(0);
    const s = JSON.parse(synced.out);
    expect(s.counts.schools.created).toBe(1);
    expect(s.counts.people.created).toBe(3);
    expect(s.counts.enrollments.created).toBe(3);
    expect(s.issues).toEqual({ TEACHER_NO_SCHOOL: 1 });
    const school = await db.ds.query('SELECT name FROM school WHERE sourceId = ?', ['S1']);
    expect(school[0].name).toBe('Lincoln, Elementary');

    const withToken = await cli(
      ['district', 'create', '--name', 'Clever One', '--source', 'clever-api', '--url', 'http://127.0.0.1:9', '--token', 'super-secret-token', '--json'],
      env,
    );
    expect(withToken.code).toBe(0);
    const list = await cli(['district', 'list', '--json'], env);
    expect(list.out).not.toContain('super-secret-token');
    expect(JSON.parse(list.out).map((d: { name: string }) => d.name)).toEqual(['Clever One', 'CLI Demo', 'Lincoln USD']);
    const stored = await db.ds.query('SELECT sourceConfigEncrypted FROM district WHERE name = ?', ['Clever One']);
    expect(stored[0].sourceConfigEncrypted).not.toContain('super-secret-token');
  });

  it('refuses a second run while one is active, and exits 1 when a run fails', async () => {
    const queued = await cli(['sync', 'CLI Demo', '--mode', 'reset'], env);
    expect(queued.code).toBe(0);
    expect(queued.out).toMatch(/Run \d+ queued \(RESET\)/);
    const second = await cli(['sync', 'CLI Demo', '--wait'], env);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/already has run \d+ scheduled; not starting another/);
    await db.ds.query("UPDATE sync_run SET status = 'CANCELLED', activeDistrictId = NULL WHERE activeDistrictId IS NOT NULL");

    await cli(['district', 'update', 'Lincoln USD', '--path', '/nonexistent/export'], env);
    const failed = await cli(['sync', 'Lincoln USD', '--wait', '--json'], env);
    expect(failed.code).toBe(1);
    const f = JSON.parse(failed.out);
    expect(f.status).toBe('FAILED');
    expect(f.error).toMatch(/nonexistent/);
  });
});

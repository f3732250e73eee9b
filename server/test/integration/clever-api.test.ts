import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AppContext } from '../../src/app-context.js';
import { runCli } from '../../src/cli/main.js';
import { startFakeCleverServer, type FakeCleverOptions, type FakeCleverServer } from '../../src/fake-clever/fake-clever.server.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { CleverApiSource, type CleverApiSourceOptions } from '../../src/sync/sources/clever-api.source.js';
import { SyncChange } from '../../src/sync/sync-change.entity.js';
import { SyncMode, SyncStatus, type RunCounts } from '../../src/sync/sync-enums.js';
import { testDistrictConnection } from '../../src/sync/test-connection.service.js';
import { createDistrict, sync, TEST_SECRET, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { liveCounts } from '../support/roster-probes.js';

const TOKEN = 'district-token-123';
/** Two schools, 38 teachers, 210 sections with a few co-teachers: small, but every shape occurs. */
const DISTRICT = { students: 750, seed: 7 };

describe.each(DIALECTS)('Clever API source on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let clean: FakeCleverServer;
  const servers: FakeCleverServer[] = [];
  let demoDistrictId: number;
  let demoCounts: RunCounts;
  let demoIssues: Record<string, number>;
  let n = 0;

  const fake = async (o: Partial<FakeCleverOptions> = {}) => {
    const s = await startFakeCleverServer({ token: TOKEN, ...DISTRICT, ...o });
    servers.push(s);
    return s;
  };
  const cleverDistrict = async (url: string, token = TOKEN) => (await createDistrict(app, `Clever ${++n}`, SourceKind.CLEVER_API, { url, token })).id;
  const fastSource = (server: FakeCleverServer, o: Partial<CleverApiSourceOptions> = {}) =>
    new CleverApiSource({ url: server.url, token: TOKEN, backoffMs: 1, maxBackoffMs: 5, ...o });

  const enrollments = async (districtId: number): Promise<string[]> =>
    (
      await app.ds.query(
        'SELECT s.sourceId AS section, p.sourceId AS person, e.role, e.`primary` AS isPrimary FROM enrollment e JOIN section s ON s.id = e.sectionId JOIN person p ON p.id = e.personId WHERE e.districtId = ? AND e.deletedAt IS NULL',
        [districtId],
      )
    )
      .map((r: { section: string; person: string; role: string; isPrimary: number }) => `${r.section}|${r.person}|${r.role}|${Number(r.isPrimary)}`)
      .sort();
  const people = async (districtId: number): Promise<string[]> =>
    (
      await app.ds.query(
        'SELECT sourceId, role, givenName, familyName, email, username, sisId, stateId FROM person WHERE districtId = ? AND deletedAt IS NULL ORDER BY sourceId',
        [districtId],
      )
    ).map((r: Record<string, unknown>) => Object.values(r).join('|'));
  const live = (districtId: number) => liveCounts(app.ds, districtId);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
    clean = await fake();
    demoDistrictId = (await createDistrict(app, 'Demo twin', SourceKind.DEMO, DISTRICT)).id;
    const demo = await sync(app, demoDistrictId);
    expect(demo.status).toBe(SyncStatus.LAUNCHED);
    demoCounts = demo.counts!;
    demoIssues = demo.issueCounts ?? {};
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await db.drop();
  });

  it('a full sync from the fake server (district settings, registered source) matches the demo source exactly', async () => {
    const districtId = await cleverDistrict(clean.url);
    const run = await sync(app, districtId);
    expect(run.error).toBeNull();
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(run.counts).toEqual(demoCounts);
    // Clever sends some people without a first or last name (its spec allows null): synced, with an issue each.
    const nameless = clean.data.users.filter((u) => (u.name as Record<string, unknown>).first === null || (u.name as Record<string, unknown>).last === null);
    expect(nameless.length).toBeGreaterThan(0);
    expect(run.issueCounts ?? {}).toEqual({
      ...demoIssues,
      MISSING_NAME: clean.data.users.reduce((n, u) => n + Object.values(u.name as object).filter((v) => v === null).length, 0),
    });
    expect(run.counts!.people.created).toBe(clean.data.users.length);
    const blank = new Map(nameless.map((u) => [u.id, u.name as Record<string, unknown>]));
    expect(await people(districtId)).toEqual(
      (await people(demoDistrictId)).map((row) => {
        const cells = row.split('|');
        const name = blank.get(cells[0]);
        if (name?.first === null) cells[2] = '';
        if (name?.last === null) cells[3] = '';
        return cells.join('|');
      }),
    );

    // Co-teachers and primary flags: the very same enrollments, each teacher once, one primary per section.
    const got = await enrollments(districtId);
    expect(got).toEqual(await enrollments(demoDistrictId));
    const teachers = got.filter((e) => e.includes('|TEACHER|'));
    expect(teachers.filter((e) => e.endsWith('|0')).length).toBeGreaterThan(0);
    expect(teachers.filter((e) => e.endsWith('|1'))).toHaveLength(run.counts!.sections.created);

    const again = await sync(app, districtId, { source: fastSource(clean, { pageSize: 7 }) });
    for (const c of Object.values(again.counts!)) expect([c.created, c.updated, c.deleted, c.restored]).toEqual([0, 0, 0, 0]);
    expect(again.counts!.enrollments.unchanged).toBe(demoCounts.enrollments.created);
  });

  it('429s, 500s and dropped connections on the way still end LAUNCHED with the same result', async () => {
    const faulty = await fake({ rateLimitEvery: 4, retryAfterSeconds: 0, failEvery: 5, dropEvery: 7 });
    const run = await sync(app, await cleverDistrict(faulty.url), { source: fastSource(faulty, { pageSize: 50 }) });
    expect(run.error).toBeNull();
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(run.counts).toEqual(demoCounts);
    expect(faulty.stats).toMatchObject({ rateLimited: expect.any(Number), failed: expect.any(Number), dropped: expect.any(Number) });
    expect(Math.min(faulty.stats.rateLimited, faulty.stats.failed, faulty.stats.dropped)).toBeGreaterThan(0);
  });

  it('persistent 500s fail a Reset with a readable error and delete nothing', async () => {
    const districtId = await cleverDistrict(clean.url);
    expect((await sync(app, districtId)).status).toBe(SyncStatus.LAUNCHED);
    const before = await live(districtId);
    // Schools, terms and courses come through; the users endpoint then answers 500 for good.
    const down = await fake({ failAfter: 3 });
    const run = await sync(app, districtId, { mode: SyncMode.RESET, overrideThreshold: true, source: fastSource(down, { pageSize: 10000, retries: 3 }) });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toMatch(
      /^Could not read GET \/v3\.0\/users from Clever at http:\/\/127\.0\.0\.1:\d+: Clever answered 500 Internal Server Error \(4 attempts\)$/,
    );
    expect(down.stats.failed).toBe(4);
    expect(await live(districtId)).toEqual(before);
    expect(await app.ds.getRepository(SyncChange).countBy({ runId: run.id })).toBe(0);
    for (const c of Object.values(run.counts ?? {})) expect(c.deleted).toBe(0);
  });

  it('a wrong token fails the run at once with the 401 message', async () => {
    const districtId = await cleverDistrict(clean.url, 'not-the-token');
    const unauthorized = clean.stats.unauthorized;
    const run = await sync(app, districtId);
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toBe('Clever rejected the district token (401)');
    expect(clean.stats.unauthorized - unauthorized).toBe(1);
    expect((await live(districtId)).school).toBe(0);
  });

  it('a cancelled run stops fetching promptly and ends CANCELLED', async () => {
    const slow = await fake({ delayMs: 3000 });
    const districtId = await cleverDistrict(slow.url);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    const started = Date.now();
    const run = await sync(app, districtId, { signal: abort.signal });
    expect(run.status).toBe(SyncStatus.CANCELLED);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(slow.stats.requests.length).toBeLessThanOrEqual(1);
    expect((await live(districtId)).school).toBe(0);
  });

  it('test connection reports the district name and counts, or why it failed', async () => {
    const ok = await testDistrictConnection(app, await cleverDistrict(clean.url));
    expect(ok).toMatchObject({ ok: true, sourceKind: SourceKind.CLEVER_API, districtName: 'Fake Clever District', error: null });
    // What the source holds, both school years (a sync creates only what is active on its date).
    const served = clean.data.sections.reduce((n, s) => n + (s.teachers as string[]).length + (s.students as string[]).length, 0);
    expect(ok.counts).toMatchObject({ schools: 2, terms: 6, people: clean.data.users.length, sections: clean.data.sections.length, enrollments: served });
    const bad = await testDistrictConnection(app, await cleverDistrict(clean.url, 'wrong'));
    expect(bad).toMatchObject({ ok: false, districtName: null, counts: {}, error: 'Clever rejected the district token (401)' });
    const demo = await testDistrictConnection(app, demoDistrictId);
    expect(demo).toMatchObject({ ok: true, sourceKind: SourceKind.DEMO, counts: { schools: 2, people: clean.data.users.length } });
  });
  it('the CLI creates a clever-api district without echoing the token, tests it and syncs it', async () => {
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(`ERR ${l}`),
      env: { DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
    };
    const cli = async (...argv: string[]) => {
      lines.length = 0;
      const code = await runCli(argv, io);
      return { code, out: [...lines] };
    };
    const created = await cli('district', 'create', '--name', 'CLI Clever', '--source', 'clever-api', '--url', clean.url, '--token', TOKEN, '--json');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out[0])).toMatchObject({ name: 'CLI Clever', source: 'clever-api', location: clean.url });
    expect(created.out.join('\n')).not.toContain(TOKEN);
    const listed = await cli('district', 'list', '--json');
    expect(listed.out.join('\n')).not.toContain(TOKEN);
    const [stored] = await app.ds.query('SELECT sourceConfigEncrypted FROM district WHERE name = ?', ['CLI Clever']);
    expect(stored.sourceConfigEncrypted).toMatch(/^v1:/);
    expect(stored.sourceConfigEncrypted).not.toContain(TOKEN);
    const tested = await cli('district', 'test', 'CLI Clever');
    expect(tested.code).toBe(0);
    expect(tested.out[0]).toMatch(/^Connected: "CLI Clever" \(clever-api\) is "Fake Clever District" at the source/);
    expect(tested.out).toContain(`  people       ${clean.data.users.length}`);
    const synced = await cli('sync', 'CLI Clever', '--wait', '--json', '--as-of', '2026-11-23');
    expect(synced.code).toBe(0);
    const summary = JSON.parse(synced.out[synced.out.length - 1]);
    expect(summary).toMatchObject({ status: 'LAUNCHED', error: null });
    expect(summary.counts).toEqual(demoCounts);
    const badCreated = await cli('district', 'create', '--name', 'CLI Bad', '--source', 'clever-api', '--url', clean.url, '--token', 'wrong');
    expect(badCreated.code).toBe(0);
    const badTest = await cli('district', 'test', 'CLI Bad');
    expect(badTest).toEqual({ code: 1, out: ['ERR Connection failed for "CLI Bad" (clever-api): Clever rejected the district token (401)'] });
  });
});

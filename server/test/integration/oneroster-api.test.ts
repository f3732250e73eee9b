import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AppContext } from '../../src/app-context.js';
import { runCli } from '../../src/cli/main.js';
import { startFakeOneRosterServer, type FakeOneRosterOptions, type FakeOneRosterServer } from '../../src/fake-oneroster/fake-oneroster.server.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { OneRosterApiSource } from '../../src/sync/sources/oneroster-api.source.js';
import { SyncChange } from '../../src/sync/sync-change.entity.js';
import { SyncMode, SyncStatus, type RunCounts } from '../../src/sync/sync-enums.js';
import { testDistrictConnection } from '../../src/sync/test-connection.service.js';
import { createDistrict, sync, TEST_SECRET, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';
import { liveCounts } from '../support/roster-probes.js';

const CLIENT = { clientId: 'homeroom-client', clientSecret: 's3cret-value-never-shown' };
const DISTRICT = { students: 750, seed: 7 };

describe.each(DIALECTS)('OneRoster API source on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let clean: FakeOneRosterServer;
  const servers: FakeOneRosterServer[] = [];
  let demoCounts: RunCounts;
  let demoDistrictId: number;
  let n = 0;

  const fake = async (o: Partial<FakeOneRosterOptions> = {}) => {
    const s = await startFakeOneRosterServer({ ...CLIENT, ...DISTRICT, ...o });
    servers.push(s);
    return s;
  };
  const district = async (url: string, o: Record<string, unknown> = {}) =>
    (await createDistrict(app, `OneRoster ${++n}`, SourceKind.ONEROSTER_API, { url, ...CLIENT, ...o })).id;
  const live = (districtId: number) => liveCounts(app.ds, districtId);
  const names = async (districtId: number) =>
    (
      await app.ds.query(
        'SELECT sourceId, role, givenName, familyName, email, username, sisId FROM person WHERE districtId = ? AND deletedAt IS NULL ORDER BY sourceId',
        [districtId],
      )
    ).map((r: Record<string, unknown>) => Object.values(r).join('|'));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
    clean = await fake();
    demoDistrictId = (await createDistrict(app, 'Demo twin', SourceKind.DEMO, DISTRICT)).id;
    const demo = await sync(app, demoDistrictId);
    expect(demo.status).toBe(SyncStatus.LAUNCHED);
    demoCounts = demo.counts!;
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await db.drop();
  });

  it('a sync from the fake server with OAuth 2 gives exactly the demo counts and people', async () => {
    const districtId = await district(clean.url);
    const run = await sync(app, districtId);
    expect(run.error).toBeNull();
    expect(run.status).toBe(SyncStatus.LAUNCHED);
    expect(run.counts).toEqual(demoCounts);
    expect(await names(districtId)).toEqual(await names(demoDistrictId));
  });

  it('OAuth 1.0a, a capped page size and faults on the way still give the same result', async () => {
    const faulty = await fake({ auth: 'oauth1', maxLimit: 250, rateLimitEvery: 4, retryAfterSeconds: 0, failEvery: 5, dropEvery: 7 });
    const districtId = await district(faulty.url, { auth: 'oauth1' });
    const source = new OneRosterApiSource({ url: faulty.url, ...CLIENT, auth: 'oauth1', backoffMs: 1, maxBackoffMs: 5 });
    const run = await sync(app, districtId, { source });
    expect(run.error).toBeNull();
    expect(run.counts).toEqual(demoCounts);
    expect(source.paging.cappedAt).toBe(250);
    expect(Math.min(faulty.stats.rateLimited, faulty.stats.failed, faulty.stats.dropped)).toBeGreaterThan(0);
  });

  it('a server that goes down mid-fetch fails a Reset with one sentence and deletes nothing', async () => {
    const districtId = await district(clean.url);
    expect((await sync(app, districtId)).status).toBe(SyncStatus.LAUNCHED);
    const before = await live(districtId);
    const down = await fake({ failAfter: 4 });
    const source = new OneRosterApiSource({ url: down.url, ...CLIENT, pageSize: 10000, retries: 2, backoffMs: 1 });
    const run = await sync(app, districtId, { mode: SyncMode.RESET, overrideThreshold: true, source });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toMatch(
      /^Could not read GET \/ims\/oneroster\/v1p1\/\w+ from the OneRoster server at http:\/\/127\.0\.0\.1:\d+\/ims\/oneroster\/v1p1: The OneRoster server answered 500 Internal Server Error \(3 attempts\)$/,
    );
    expect(await live(districtId)).toEqual(before);
    expect(await app.ds.getRepository(SyncChange).countBy({ runId: run.id })).toBe(0);
  });

  it('a wrong secret fails the run and the connection test naming the cause, never the secret', async () => {
    const districtId = await district(clean.url, { clientSecret: 'wrong-secret' });
    const run = await sync(app, districtId);
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toBe(`The OneRoster token URL ${clean.url}/token rejected client id "${CLIENT.clientId}" and its secret (401)`);
    expect((await live(districtId)).school).toBe(0);
    const test = await testDistrictConnection(app, districtId);
    expect(test).toMatchObject({ ok: false, error: run.error });
    const good = await testDistrictConnection(app, await district(clean.url));
    expect(good).toMatchObject({ ok: true, districtName: 'Fake OneRoster District' });
    // What the server holds (next school year's enrollments too), not what a sync creates today.
    expect(good.counts).toMatchObject({ people: demoCounts.people.created, enrollments: clean.data.enrollments.filter((e) => e.status === 'active').length });
  });

  it('the CLI creates, tests, updates and syncs a oneroster-api district; missing settings are named; secrets never printed', async () => {
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
    expect(await cli('district', 'create', '--name', 'CLI OR', '--source', 'oneroster-api', '--url', clean.url, '--client-id', CLIENT.clientId)).toEqual({
      code: 1,
      out: ['ERR homeroom: A oneroster-api district needs the client secret (--client-secret): the OAuth client secret'],
    });
    expect(
      (
        await cli(
          'district',
          'create',
          '--name',
          'CLI OR',
          '--source',
          'oneroster-api',
          '--url',
          clean.url,
          '--client-id',
          'x',
          '--client-secret',
          'y',
          '--auth',
          'basic',
        )
      ).code,
    ).toBe(2);
    const created = await cli(
      'district',
      'create',
      '--name',
      'CLI OR',
      '--source',
      'oneroster-api',
      '--url',
      clean.url,
      '--client-id',
      CLIENT.clientId,
      '--client-secret',
      'typo',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out[0])).toMatchObject({
      source: 'oneroster-api',
      location: clean.url,
      clientId: CLIENT.clientId,
      auth: 'oauth2',
      secrets: { clientSecret: expect.stringMatching(/^set \d{4}-/) },
    });
    const failed = await cli('district', 'test', 'CLI OR');
    expect(failed).toEqual({
      code: 1,
      out: [
        `ERR Connection failed for "CLI OR" (oneroster-api): The OneRoster token URL ${clean.url}/token rejected client id "${CLIENT.clientId}" and its secret (401)`,
      ],
    });
    expect((await cli('district', 'update', 'CLI OR', '--client-secret', CLIENT.clientSecret)).code).toBe(0);
    const tested = await cli('district', 'test', 'CLI OR');
    expect(tested.code).toBe(0);
    expect(tested.out[0]).toMatch(/^Connected: "CLI OR" \(oneroster-api\) is "Fake OneRoster District" at the source/);
    expect(tested.out).toContain(`  people       ${demoCounts.people.created}`);
    const synced = await cli('sync', 'CLI OR', '--wait', '--json', '--as-of', '2026-11-23');
    expect(JSON.parse(synced.out[synced.out.length - 1])).toMatchObject({ status: 'LAUNCHED', counts: demoCounts });
    const listed = await cli('district', 'list', '--json');
    for (const out of [created.out, failed.out, tested.out, synced.out, listed.out]) expect(out.join('\n')).not.toContain(CLIENT.clientSecret);
  });
});

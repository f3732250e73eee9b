import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AdminUserService } from '../../src/auth/admin-user.service.js';
import { ApiTokenService } from '../../src/auth/api-token.service.js';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictScope } from '../../src/auth/viewer.js';
import { startFakeCleverServer, type FakeCleverServer } from '../../src/fake-clever/fake-clever.server.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { waitFor } from '../support/api-harness.js';
import { exclusiveSuite } from '../support/exclusive-suite.js';
import { spawnServe, type ServeProcess } from '../support/serve-spawn.js';
import { createDistrict, TEST_SECRET, testApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// The deployment docs/deploy.md describes: N `serve --role api` and M `serve --role worker`
// on one MySQL/MariaDB database with Redis. MariaDB only: SQLite is the single-process setup.
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Redis channels are server-wide: no other Redis test file runs at the same time.
exclusiveSuite('redis');
const PASSWORD = 'correct horse battery staple';
const CLEVER_TOKEN = 'scale-out-clever-token';

describe('scale-out: 2 api + 2 worker processes on one MariaDB database and Redis', () => {
  let db: TestDatabase;
  let clever: FakeCleverServer;
  let apis: ServeProcess[] = [];
  let workers: ServeProcess[] = [];
  let urls: string[] = [];
  let session: string;
  let token: string;
  const districts: number[] = [];
  let slowDistrict: number;
  const clients: Client[] = [];

  const gql = async (url: string, query: string, variables: Record<string, unknown> = {}, auth: string | null = session) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
  };
  const startSync = async (url: string, districtId: number): Promise<number> => {
    const { body } = await gql(url, 'mutation ($d: ID!) { startSync(input: { districtId: $d }) { run { id } } }', { d: String(districtId) });
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return Number(body.data.startSync.run.id);
  };
  const run = (id: number) => db.ds.getRepository(SyncRun).findOneByOrFail({ id });
  /** How many times each worker process started executing the run. */
  const executions = (runId: number) => workers.map((w) => w.logs.filter((l) => l.msg === 'sync run started' && l.runId === runId).length);

  /** What the database and the workers say, for a failure message. */
  const diagnose = async () => {
    const runs = await db.ds.query('SELECT id, districtId, status, error FROM sync_run ORDER BY id');
    const jobs = await db.ds.query('SELECT id, name, data, lockedAt, nextRunAt, lastModifiedBy, failReason FROM agenda_job');
    const problems = [...apis, ...workers].flatMap((p, i) => p.logs.filter((l) => Number(l.level) >= 40).map((l) => `${i}: ${JSON.stringify(l)}`));
    return JSON.stringify(
      {
        pids: workers.map((w) => [w.child.pid, w.child.exitCode, w.child.signalCode]),
        stderr: workers.map((w) =>
          w
            .stderr()
            .split('\n')
            .filter((l) => !/^\d{4}-/.test(l))
            .slice(-25),
        ),
        runs,
        jobs,
        problems: problems.slice(-20),
        startLines: workers.map((w) => w.logs.filter((l) => l.msg === 'sync run started').length),
      },
      null,
      1,
    );
  };
  const until = async <T>(check: () => Promise<T | null | undefined | false>, ms: number, what: string): Promise<T> => {
    try {
      return await waitFor(check, ms, what);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${await diagnose()}`);
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    const app = testApp(db);
    for (let i = 1; i <= 5; i++) districts.push((await createDistrict(app, `Scale ${i}`, SourceKind.DEMO, { students: 40 })).id);
    clever = await startFakeCleverServer({ token: CLEVER_TOKEN, students: 30, delayMs: 400 });
    slowDistrict = (await createDistrict(app, 'Slow Clever', SourceKind.CLEVER_API, { url: clever.url, token: CLEVER_TOKEN })).id;
    await new AdminUserService(db.ds).create({ email: 'ops@scale.test', password: PASSWORD, role: AdminRole.PLATFORM_ADMIN });
    token = (await new ApiTokenService(db.ds).create(DistrictScope.all(), { districtId: districts[0], name: 'partner' })).secret;

    // Its own Redis database: rate-limit keys of other test runs never mix with these.
    const redisUrl = `${REDIS.replace(/\/\d*$/, '')}/${1 + (process.pid % 15)}`;
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      SECRET_KEY: TEST_SECRET,
      LOG_LEVEL: 'info',
      DATA_DIR: '/tmp/homeroom-scale-out',
      JOB_LOCK_LIFETIME_SECONDS: '5',
      JOB_POLL_SECONDS: '1',
      WORKER_CONCURRENCY: '2',
      TOKEN_RATE_LIMIT: '12',
    };
    apis = [spawnServe('api', env), spawnServe('api', env)];
    workers = [spawnServe('worker', env), spawnServe('worker', env)];
    const t0 = Date.now();
    await Promise.all([...apis, ...workers].map((p) => p.ready));
    console.log(`4 processes up in ${Date.now() - t0} ms`);
    urls = await Promise.all(apis.map((a) => a.url));
    const login = await gql(
      urls[0],
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'ops@scale.test', p: PASSWORD },
      null,
    );
    session = login.body.data.login.token;
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    for (const p of [...apis, ...workers]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all([...apis, ...workers].map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 10_000))])));
    for (const p of [...apis, ...workers]) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await clever?.close();
    await db?.drop();
  }, 30_000);

  it('runs syncs of 5 districts started through either api exactly once, in parallel on both workers, seen LAUNCHED by subscribers on the other api', async () => {
    // Subscribers on api B (index 1) for the districts started on api A, and the other way round.
    const launched = new Map<number, Set<string>>();
    for (const [i, districtId] of districts.entries()) {
      const client = createClient({
        url: `${urls[(i + 1) % 2].replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${session}` },
        retryAttempts: 0,
      });
      clients.push(client);
      const statuses = new Set<string>();
      launched.set(districtId, statuses);
      client.subscribe(
        { query: 'subscription ($d: ID) { syncRunUpdated(districtId: $d) { runId districtId status } }', variables: { d: String(districtId) } },
        {
          next: (m: any) => m.data?.syncRunUpdated.districtId === String(districtId) && statuses.add(m.data.syncRunUpdated.status),
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    await new Promise((r) => setTimeout(r, 500)); // subscriptions registered

    const runIds = await Promise.all(districts.map((d, i) => startSync(urls[i % 2], d)));
    await until(async () => [...launched.values()].every((s) => s.has('LAUNCHED')), 60_000, 'every run LAUNCHED on the subscriptions');
    for (const id of runIds) expect((await run(id)).status).toBe('LAUNCHED');
    await new Promise((r) => setTimeout(r, 1500)); // a second execution would show up now
    const perWorker = runIds.map(executions);
    for (const counts of perWorker) expect(counts[0] + counts[1]).toBe(1);
    // Both workers took runs (each runs at most 2 at once, so 5 runs cannot fit on one).
    expect(perWorker.some((c) => c[0] === 1)).toBe(true);
    expect(perWorker.some((c) => c[1] === 1)).toBe(true);
  }, 90_000);

  it('recovers the run of a worker killed mid-run (FAILED "interrupted"), and the next run of that district is clean', async () => {
    const runId = await startSync(urls[0], slowDistrict);
    await until(async () => (await run(runId)).status === 'IN_PROGRESS' && executions(runId).some((n) => n === 1), 30_000, 'the slow run to start');
    const victim = executions(runId).indexOf(1);
    const survivor = workers[1 - victim];
    const killedAt = Date.now();
    workers[victim].child.kill('SIGKILL');
    await workers[victim].exited;

    const failed = await until(
      async () => {
        const r = await run(runId);
        return r.status === 'FAILED' ? r : null;
      },
      60_000,
      'the dead worker’s run to be recovered',
    );
    expect(failed.error).toBe('interrupted');
    expect(Date.now() - killedAt).toBeLessThan(60_000);

    const next = await startSync(urls[1], slowDistrict);
    const clean = await waitFor(
      async () => {
        const r = await run(next);
        return ['LAUNCHED', 'FAILED', 'CANCELLED'].includes(r.status) ? r : null;
      },
      60_000,
      'the next run to end',
    );
    expect(clean.status).toBe('LAUNCHED');
    expect(clean.error).toBeNull();
    expect(survivor.logs.filter((l) => l.msg === 'sync run started' && l.runId === next)).toHaveLength(1);
  }, 120_000);

  it('holds the sign-in throttle and the token rate limit across both apis', async () => {
    const login = (url: string, password: string) =>
      gql(url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'ops@scale.test', p: password }, null);
    for (let i = 0; i < 10; i++) expect((await login(urls[i % 2], 'wrong password')).status).toBe(200);
    for (const url of urls) {
      const refused = await login(url, PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }

    // TOKEN_RATE_LIMIT=12 per minute, counted once for both apis.
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await gql(urls[i % 2], '{ me { kind } }', {}, token)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.slice(12)).toEqual([429, 429]);
  }, 90_000);
});

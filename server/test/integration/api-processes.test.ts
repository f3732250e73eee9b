import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { ApiTokenService } from '../../src/auth/api-token.service.js';
import { DistrictScope } from '../../src/auth/viewer.js';
import { waitFor } from '../support/api-harness.js';
import { spawnServe, type ServeProcess } from '../support/serve-spawn.js';
import { createDistrict, TEST_SECRET, testApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** The pids of a process's children (the API processes a supervisor runs). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
};

// `serve --role api` with API_PROCESSES=2: two API processes on one port, one per core.
describe('serve --role api with API_PROCESSES=2 (MariaDB)', () => {
  let db: TestDatabase;
  let serve: ServeProcess;
  let url: string;
  let token: string;
  let districtId: number;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    const app = testApp(db);
    districtId = (await createDistrict(app, 'Two Processes', undefined, { students: 200, seed: 3 })).id;
    token = (await new ApiTokenService(db.ds).create(DistrictScope.all(), { districtId, name: 'partner' })).secret;
    serve = spawnServe('api', { DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET, API_PROCESSES: '2', LOG_LEVEL: 'warn' });
    url = await serve.url;
  });
  afterAll(async () => {
    if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
    await db.drop();
  });

  const district = (signal?: AbortSignal) =>
    fetch(`${url}/graphql`, {
      signal,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query ($d: ID!) { district(id: $d) { name } }', variables: { d: String(districtId) } }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: { district: { name: string } } } }));

  it('serves from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    await waitFor(async () => childrenOf(serve.child.pid!).length === 2, 20_000);
    const [first, second] = childrenOf(serve.child.pid!);
    for (let i = 0; i < 10; i++) expect((await district()).body.data?.district.name).toBe('Two Processes');

    process.kill(first, 'SIGKILL');
    await waitFor(async () => {
      const now = childrenOf(serve.child.pid!);
      return now.length === 2 && !now.includes(first);
    }, 20_000);
    expect(childrenOf(serve.child.pid!)).toContain(second);
    // (a kept-alive connection to the killed process fails once; an attempt caught on a
    // connection that died with it is abandoned after 8 s, as a partner's client would —
    // long enough for an answer from a machine loaded by the suites running beside this one)
    const outcomes: string[] = [];
    await waitFor(
      () =>
        district(AbortSignal.timeout(8000)).then(
          (r) => (outcomes.push(`HTTP ${r.status}`), r.status === 200),
          (e: Error) => (outcomes.push(`${e.name}: ${e.message} ${String((e.cause as Error)?.message ?? '')}`), false),
        ),
      60_000,
      () => `a request to the surviving process to succeed (attempts: ${outcomes.join('; ')}; serve's stderr: ${serve.stderr().slice(-1500)})`,
    );
    expect((await district()).body.data?.district.name).toBe('Two Processes');

    const children = childrenOf(serve.child.pid!);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    for (const pid of children) expect(() => process.kill(pid, 0)).toThrow();
  }, 150_000);
});

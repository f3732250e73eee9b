// npm run bench:api-cost [-- --db mysql|sqlite --requests 400 --query '<graphql, $d is the district id>' ...]
// CPU cost of each partner roster query, read from /proc (user + system time of the API process,
// and of mariadbd on MySQL), with one request in flight at a time and nothing else running.
// Unlike a latency figure it hardly moves with the machine's other load, so it is the figure to
// compare when changing the API's hot path. Linux only.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiTokenService } from '../src/auth/api-token.service.js';
import { DistrictScope } from '../src/auth/viewer.js';
import { loadConfig } from '../src/config.js';
import { dropMysqlDatabase, openDatabase } from '../src/db/data-source.js';
import { createLogger } from '../src/logger.js';
import { createHomeroomPubSub } from '../src/events/pubsub.js';
import { DistrictService } from '../src/roster/district.service.js';
import { SourceKind } from '../src/roster/roster-enums.js';
import { SyncMode, SyncTrigger } from '../src/sync/sync-enums.js';
import { executeSyncRun } from '../src/sync/sync-run.executor.js';
import { SyncRunService } from '../src/sync/sync-run.service.js';
import { APP_HOOKS } from '../src/cli/app-hooks.js';
import { PARTNER_QUERIES } from './partner-queries.js';
import { startApiProcess } from './api-process.js';
import { benchDatabaseUrl } from './bench-database.js';
import { cpuMs, pidOf } from './proc-cpu.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, requests: { type: 'string' }, query: { type: 'string', multiple: true } } });
const dialect = values.db ?? 'mysql';
const perQuery = Number(values.requests ?? 400);
const tmp = mkdtempSync(join(tmpdir(), 'homeroom-bench-cost-'));
const url = benchDatabaseUrl(dialect, `homeroom_bench_cost_${process.pid}`, tmp);
const ds = await openDatabase(url, { migrate: true });
const env = { DATABASE_URL: url, SECRET_KEY: 'bench-secret-key-0000', DATA_DIR: tmp, LOG_LEVEL: 'warn' };
const app = { config: loadConfig(env), ds, logger: createLogger('warn', { stderr: true }), pubsub: createHomeroomPubSub(), hooks: APP_HOOKS };
let server: Awaited<ReturnType<typeof startApiProcess>> | undefined;
try {
  const district = await new DistrictService(ds, app.config.secretKey).create({
    name: 'Partner District',
    sourceKind: SourceKind.DEMO,
    source: { students: 5000, seed: 1 },
  });
  const { run } = await new SyncRunService(ds).createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
  await executeSyncRun(app, run.id);
  const { secret } = await new ApiTokenService(ds).create(DistrictScope.all(), { districtId: district.id, name: 'bench partner' });

  server = await startApiProcess({ ...env, NODE_ENV: 'production', TOKEN_RATE_LIMIT: '1000000', API_PROCESSES: '1' });
  const apiPid = server.pid!;
  const port = Number(new URL(server.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const mariadb = dialect === 'mysql' ? (pidOf('mariadbd') ?? pidOf('mysqld') ?? null) : null;
  const results: Record<string, { api_cpu_ms: number; api_system_ms: number; db_cpu_ms: number | null; wall_ms: number; bytes: number }> = {};
  const queries = values.query?.length
    ? values.query.map((query, i) => ({
        operationName: `Q${i + 1}`,
        query: query.includes('$d')
          ? query.replace(/^\s*(query\s*)?\{/, `query Q${i + 1}($d: ID!) {`)
          : query.replace(/^\s*(query\s*)?\{/, `query Q${i + 1} {`),
      }))
    : PARTNER_QUERIES;
  for (const q of queries) {
    const body = JSON.stringify({ ...q, variables: q.query.includes('$d') ? { d: String(district.id) } : {} });
    let bytes = 0;
    for (let i = 0; i < 100; i++) {
      const answer = await post(body);
      if (answer.includes('"errors"')) throw new Error(`${q.operationName} failed: ${answer.slice(0, 300)}`);
      bytes = Buffer.byteLength(answer);
    }
    const api0 = cpuMs(apiPid);
    const db0 = mariadb ? cpuMs(mariadb) : null;
    const t0 = performance.now();
    for (let i = 0; i < perQuery; i++) await post(body);
    const wall = performance.now() - t0;
    const api1 = cpuMs(apiPid);
    const db1 = mariadb ? cpuMs(mariadb) : null;
    const per = (ms: number) => +(ms / perQuery).toFixed(2);
    results[q.operationName] = {
      api_cpu_ms: per(api1.user + api1.system - api0.user - api0.system),
      api_system_ms: per(api1.system - api0.system),
      db_cpu_ms: db0 && db1 ? per(db1.user + db1.system - db0.user - db0.system) : null,
      wall_ms: +(wall / perQuery).toFixed(2),
      bytes,
    };
    console.log(
      `  ${q.operationName.padEnd(9)} API ${results[q.operationName].api_cpu_ms} ms CPU (system ${results[q.operationName].api_system_ms})  DB ${results[q.operationName].db_cpu_ms ?? '-'} ms CPU  wall ${results[q.operationName].wall_ms} ms  ${bytes} bytes`,
    );
  }
  console.log(JSON.stringify({ db: dialect, requests_per_query: perQuery, per_query: results }));
  agent.destroy();
} finally {
  await server?.close();
  await ds.destroy();
  if (dialect === 'mysql') await dropMysqlDatabase(url);
  rmSync(tmp, { recursive: true, force: true });
}

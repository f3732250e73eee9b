// npm run bench:api [-- --rate 200 --seconds 30 --warmup 5 --students 20000 --db sqlite|mysql --events 50000 --api-processes 2 --api-in-process --sync-in-process]
// (runs with NODE_ENV=production, as the Docker image does)
// Partner GraphQL roster queries at a fixed arrival rate (fixed-rate-load.ts, in this process) against the API
// in its own processes (`serve --role api`, API_PROCESSES: one per core, 2 by default), while a large sync runs in a worker process (`serve --role worker`, started before the load); prints throughput, latency percentiles (overall and per query) and errors,
// then the change feed's speed: a partner following 50,000 events from cursor zero.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppContext } from '../src/app-context.js';
import { ApiTokenService } from '../src/auth/api-token.service.js';
import { DistrictScope } from '../src/auth/viewer.js';
import { loadConfig } from '../src/config.js';
import { dropMysqlDatabase, openDatabase } from '../src/db/data-source.js';
import { startHttpServer } from '../src/http/http-server.js';
import { createLogger } from '../src/logger.js';
import { createHomeroomPubSub } from '../src/events/pubsub.js';
import { DistrictService } from '../src/roster/district.service.js';
import { SourceKind } from '../src/roster/roster-enums.js';
import { ACTIVE_STATUSES, SyncMode, SyncStatus, SyncTrigger } from '../src/sync/sync-enums.js';
import { InProcessLauncher } from '../src/sync/sync-launcher.js';
import { executeSyncRun } from '../src/sync/sync-run.executor.js';
import { SyncRunService } from '../src/sync/sync-run.service.js';
import type { SyncRun } from '../src/sync/sync-run.entity.js';
import { createJobClient } from '../src/jobs/index.js';
import { APP_HOOKS } from '../src/cli/app-hooks.js';
import { startApiProcess, startWorkerProcess } from './api-process.js';
import { benchDatabaseUrl } from './bench-database.js';
import { fixedRateLoad, type LoadRequest } from './fixed-rate-load.js';
import { PARTNER_QUERIES } from './partner-queries.js';
import { pidOf, processTree, totalCpuMs } from './proc-cpu.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    students: { type: 'string' },
    db: { type: 'string' },
    connections: { type: 'string' },
    'sync-in-process': { type: 'boolean' },
    'api-in-process': { type: 'boolean' },
    'api-processes': { type: 'string' },
    events: { type: 'string' },
  },
});
const rate = Number(values.rate ?? 200);
const seconds = Number(values.seconds ?? 30);
const warmupSeconds = Number(values.warmup ?? 5);
const students = Number(values.students ?? 20000);
const dialect = values.db ?? 'sqlite';
const connections = Number(values.connections ?? 20);
const feedEvents = Number(values.events ?? 50_000);
const apiProcesses = Number(values['api-processes'] ?? 2);

const round1 = (v: number) => +v.toFixed(1);
/** Latency percentile (ms) of a sorted list. */
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

const tmp = mkdtempSync(join(tmpdir(), 'homeroom-bench-api-'));
const url = benchDatabaseUrl(dialect, `homeroom_bench_api_${process.pid}`, tmp);
const ds = await openDatabase(url, { migrate: true });
const app: AppContext = {
  config: loadConfig({ DATABASE_URL: url, SECRET_KEY: 'bench-secret-key-0000', DATA_DIR: tmp, LOG_LEVEL: 'warn' }),
  ds,
  logger: createLogger('warn', { stderr: true }),
  pubsub: createHomeroomPubSub(),
  hooks: APP_HOOKS,
};
const t = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A partner following a district's change feed from cursor zero, 1000 events a page, until
 * `feedEvents` events (the district the bench synced: its first sync records every record it
 * created).
 */
async function followFeed(serverUrl: string, districtId: number) {
  const { secret } = await new ApiTokenService(ds).create(DistrictScope.all(), { districtId, name: 'feed partner' });
  const query =
    'query Events($d: ID!, $after: String) { rosterEvents(districtId: $d, after: $after, first: 1000) { pageInfo { hasNextPage endCursor } edges { node { id type entityType entityId sourceId runId occurredAt fields { field before after } } } } }';
  let after: string | null = null;
  let events = 0;
  const pages: number[] = [];
  const started = Date.now();
  for (;;) {
    const t1 = Date.now();
    const res = await fetch(`${serverUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query, variables: { d: String(districtId), after } }),
    });
    const body = (await res.json()) as {
      data?: { rosterEvents: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: unknown[] } };
      errors?: unknown[];
    };
    pages.push(Date.now() - t1);
    if (!body.data) throw new Error(`change feed failed: ${JSON.stringify(body.errors)}`);
    events += body.data.rosterEvents.edges.length;
    after = body.data.rosterEvents.pageInfo.endCursor;
    if (!body.data.rosterEvents.pageInfo.hasNextPage || events >= feedEvents) break;
  }
  const secondsTaken = (Date.now() - started) / 1000;
  return {
    events,
    requests: pages.length,
    seconds: +secondsTaken.toFixed(2),
    events_per_s: Math.round(events / secondsTaken),
    p95_page_ms: pct(
      [...pages].sort((a, b) => a - b),
      95,
    ),
  };
}

try {
  console.log(
    `api bench on ${dialect}: ${rate} req/s for ${seconds} s, ${connections} connections, ${values['api-in-process'] ? 'the API in this process' : `${apiProcesses} API processes`}, a ${students}-student sync running`,
  );
  const districts = new DistrictService(ds, app.config.secretKey);
  const runs = new SyncRunService(ds);
  // A worker process (`serve --role worker`), started and idle before the load as in
  // production: the load measures the sync it runs, not a process starting up.
  const worker = values['sync-in-process']
    ? null
    : await startWorkerProcess({ DATABASE_URL: url, SECRET_KEY: 'bench-secret-key-0000', DATA_DIR: tmp, LOG_LEVEL: 'warn', JOB_POLL_SECONDS: '1' });
  // Opened now: starting a job client blocks this process's event loop, which sends the load.
  const jobs = worker ? await createJobClient(app) : null;
  const syncInWorker = async (districtId: number): Promise<SyncRun> => {
    const { run } = await runs.createRun({ districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    await jobs!.enqueueSyncRun(run.id);
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const now = await runs.get(run.id);
      if (now && !ACTIVE_STATUSES.includes(now.status)) return now;
    }
  };
  const syncNow = async (districtId: number) => {
    const { run } = await runs.createRun({ districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    return executeSyncRun(app, run.id);
  };
  // The district partners read: synced once before the load starts.
  let t0 = Date.now();
  const read = await districts.create({ name: 'Partner District', sourceKind: SourceKind.DEMO, source: { students: 5000, seed: 1 } });
  await syncNow(read.id);
  console.log(`  partner district synced (5000 students) in ${t(Date.now() - t0)}`);
  const { secret } = await new ApiTokenService(ds).create(DistrictScope.all(), { districtId: read.id, name: 'bench partner' });

  // The API in its own process, as production runs `serve --role api` (the load generator
  // must not share its event loop), unless --api-in-process. The per-token rate limit
  // (600/min by default) would answer most of 200 req/s with RATE_LIMITED: raised for the bench.
  const server = values['api-in-process']
    ? await startHttpServer(app, { port: 0, host: '127.0.0.1', launcher: new InProcessLauncher(app), tokenRateLimit: { limit: 1_000_000, windowMs: 60_000 } })
    : await startApiProcess({
        DATABASE_URL: url,
        SECRET_KEY: 'bench-secret-key-0000',
        DATA_DIR: tmp,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        TOKEN_RATE_LIMIT: '1000000',
        API_PROCESSES: String(apiProcesses),
      });
  const requests: LoadRequest[] = PARTNER_QUERIES.map((q) => ({
    label: q.operationName,
    path: '/graphql',
    body: JSON.stringify({ ...q, variables: { d: String(read.id) } }),
  }));
  const load = (duration: number) =>
    fixedRateLoad({
      url: server.url,
      rate,
      seconds: duration,
      connections,
      requests,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    });

  // The same load for a few seconds first, unmeasured: API processes that run for days are
  // warm (compiled code, connection pools, caches); a fresh one's first seconds are not what
  // partners see.
  if (warmupSeconds > 0) await load(warmupSeconds);

  // The sync that runs during the load: a large first sync of another district, queued for the
  // worker process as the dashboard queues it (--sync-in-process: in this process, as `serve --role all`).
  const big = await districts.create({ name: 'Syncing District', sourceKind: SourceKind.DEMO, source: { students, seed: 2 } });
  t0 = Date.now();
  let syncEnded = 0;
  const syncing = (worker ? syncInWorker(big.id) : syncNow(big.id)).then((r) => ((syncEnded = Date.now()), r));

  // Where the CPU goes during the load, in cores: the API processes, the database, this load
  // generator and the sync's worker process.
  const apiPids = 'pid' in server && server.pid ? processTree(server.pid) : [];
  const syncPid = worker?.pid;
  const mariadb = dialect === 'mysql' ? (pidOf('mariadbd') ?? pidOf('mysqld')) : undefined;
  const cpuBefore = { api: totalCpuMs(apiPids), db: mariadb ? totalCpuMs([mariadb]) : 0, bench: process.cpuUsage(), sync: syncPid ? totalCpuMs([syncPid]) : 0 };
  const result = await load(seconds);
  const cores = (ms: number) => +(ms / (seconds * 1000)).toFixed(2);
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const cpuCores = {
    api: cores(totalCpuMs(apiPids) - cpuBefore.api),
    db: mariadb ? cores(totalCpuMs([mariadb]) - cpuBefore.db) : null,
    load_generator: cores((benchCpu.user + benchCpu.system) / 1000),
    sync_process: syncPid ? cores(totalCpuMs([syncPid]) - cpuBefore.sync) : null,
  };
  const syncRun = await syncing;
  const perQuery = Object.fromEntries(
    [...result.latencies].map(([op, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return [
        op,
        {
          requests: ms.length,
          p50_ms: round1(pct(sorted, 50)),
          p95_ms: round1(pct(sorted, 95)),
          p99_ms: round1(pct(sorted, 99)),
          max_ms: round1(sorted.at(-1) ?? 0),
        },
      ];
    }),
  );
  const all = [...result.latencies.values()].flat().sort((a, b) => a - b);
  const feed = await followFeed(server.url, big.id);
  await server.close();
  await jobs?.close();
  await worker?.close();
  const summary = {
    db: dialect,
    rate,
    seconds,
    connections,
    api_processes: values['api-in-process'] ? 0 : apiProcesses,
    requests: result.answered,
    throughput_rps: +(result.answered / result.seconds).toFixed(1),
    p50_ms: round1(pct(all, 50)),
    p90_ms: round1(pct(all, 90)),
    p95_ms: round1(pct(all, 95)),
    p99_ms: round1(pct(all, 99)),
    max_ms: round1(all.at(-1) ?? 0),
    errors: result.errors,
    non2xx: result.non2xx,
    graphql_errors: result.graphqlErrors,
    per_query: perQuery,
    cpu_cores: cpuCores,
    sync: {
      status: syncRun.status,
      students,
      seconds: +((syncEnded - t0) / 1000).toFixed(1),
      overlapped_load: syncEnded - t0 < seconds * 1000 ? 'partly' : 'whole run',
    },
    change_feed: feed,
  };
  console.log(
    `  throughput ${summary.throughput_rps} req/s  p50 ${summary.p50_ms} ms  p90 ${summary.p90_ms} ms  p95 ${summary.p95_ms} ms  p99 ${summary.p99_ms} ms  errors ${summary.errors + summary.non2xx + summary.graphql_errors}`,
  );
  for (const [op, q] of Object.entries(perQuery))
    console.log(`  ${op.padEnd(8)} ${String(q.requests).padStart(6)} requests  p50 ${q.p50_ms} ms  p95 ${q.p95_ms} ms  p99 ${q.p99_ms} ms  max ${q.max_ms} ms`);
  console.log(
    `  CPU during the load (cores): API ${cpuCores.api}  database ${cpuCores.db ?? '-'}  load generator ${cpuCores.load_generator}  worker process ${cpuCores.sync_process ?? '(the sync ran in this process)'}`,
  );
  console.log(`  sync of ${students} students: ${syncRun.status} in ${summary.sync.seconds} s`);
  console.log(
    `  change feed: ${feed.events} events from cursor zero in ${feed.requests} requests, ${feed.seconds} s = ${feed.events_per_s} events/s (p95 page ${feed.p95_page_ms} ms)`,
  );
  console.log(JSON.stringify(summary));
  const ok =
    summary.errors + summary.non2xx + summary.graphql_errors === 0 &&
    summary.p95_ms < 50 &&
    summary.throughput_rps >= rate * 0.95 &&
    syncRun.status === SyncStatus.LAUNCHED;
  console.log(ok ? `  target met: ${rate} req/s, zero errors, p95 < 50 ms` : '  TARGET MISSED (200 req/s, zero errors, p95 < 50 ms)');
} finally {
  await ds.destroy();
  if (dialect === 'mysql') await dropMysqlDatabase(url);
  rmSync(tmp, { recursive: true, force: true });
  setImmediate(() => process.exit(0));
}

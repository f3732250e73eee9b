// npm run bench [-- --students 50000 --db mysql|sqlite|both]
// Sync throughput and peak memory on generated districts, against a raw bulk load of the same rows,
// and the API's latency while the first sync runs in the same process (as with `npm start`).
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabaseUrl } from './bench-database.js';
import { repoFile } from './repo-file.js';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import type { AppContext } from '../src/app-context.js';
import { loadConfig } from '../src/config.js';
import { dropMysqlDatabase, openDatabase } from '../src/db/data-source.js';
import { DemoDistrict } from '../src/demo/demo-district.generator.js';
import { createLogger } from '../src/logger.js';
import { createHomeroomPubSub } from '../src/events/pubsub.js';
import { DistrictService } from '../src/roster/district.service.js';
import { SourceKind } from '../src/roster/roster-enums.js';
import { insertRows } from '../src/sync/engine/batch-sql.js';
import { SyncMode, SyncTrigger } from '../src/sync/sync-enums.js';
import { startHttpServer } from '../src/http/http-server.js';
import { InProcessLauncher } from '../src/sync/sync-launcher.js';
import { SyncRunService } from '../src/sync/sync-run.service.js';
import { executeSyncRunInThread } from '../src/sync/sync-thread.js';

const { values } = parseArgs({ options: { students: { type: 'string' }, db: { type: 'string' } } });
const students = Number(values.students ?? 50000);
const dbs = values.db && values.db !== 'both' ? [values.db] : ['mysql', 'sqlite'];

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 50);
sampler.unref();

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await fn();
  const s = (performance.now() - t) / 1000;
  console.log(`${label.padEnd(40)} ${s.toFixed(2)} s`);
  return [s, result];
}

/** The baseline: the same rows bulk-inserted into plain tables with the same columns and only a primary key (the roster's unique keys and indexes count against the sync). */
async function rawLoad(ds: DataSource): Promise<number> {
  const d = new DemoDistrict({ students, seed: 42, nextYear: false });
  await ds.query(
    'CREATE TABLE raw_person (id INTEGER PRIMARY KEY, sourceId VARCHAR(255), role VARCHAR(16), givenName VARCHAR(255), familyName VARCHAR(255), email VARCHAR(255), username VARCHAR(255), sisId VARCHAR(64), stateId VARCHAR(64), grade VARCHAR(32))',
  );
  await ds.query(
    'CREATE TABLE raw_section (id INTEGER PRIMARY KEY, sourceId VARCHAR(255), school VARCHAR(255), course VARCHAR(255), term VARCHAR(255), name VARCHAR(255), sectionNumber VARCHAR(64), period VARCHAR(32), grade VARCHAR(32), subject VARCHAR(128))',
  );
  await ds.query('CREATE TABLE raw_enrollment (id INTEGER PRIMARY KEY, section VARCHAR(255), person VARCHAR(255), role VARCHAR(16), isPrimary INTEGER)');
  let records = 0;
  await ds.transaction(async (em) => {
    let id = 0;
    let rows: unknown[][] = [];
    for (const p of d.personRecords())
      rows.push([
        ++id,
        p.sourceId,
        p.role,
        p.fields.givenName,
        p.fields.familyName,
        p.fields.email,
        p.fields.username,
        p.fields.sisId,
        p.fields.stateId,
        p.fields.grade,
      ]);
    await insertRows(em, 'raw_person', ['id', 'sourceId', 'role', 'givenName', 'familyName', 'email', 'username', 'sisId', 'stateId', 'grade'], rows);
    records += rows.length;
    rows = [];
    for (const s of d.sectionRecords())
      rows.push([
        ++id,
        s.sourceId,
        s.schoolSourceId,
        s.courseSourceId,
        s.termSourceIds[0],
        s.fields.name,
        s.fields.sectionNumber,
        s.fields.period,
        s.fields.grade,
        s.fields.subject,
      ]);
    await insertRows(em, 'raw_section', ['id', 'sourceId', 'school', 'course', 'term', 'name', 'sectionNumber', 'period', 'grade', 'subject'], rows);
    records += rows.length;
    rows = [];
    for (const e of d.enrollmentRecords()) {
      rows.push([++id, e.sectionSourceId, e.personSourceId, e.role, e.primary ? 1 : 0]);
      if (rows.length === 50000)
        (await insertRows(em, 'raw_enrollment', ['id', 'section', 'person', 'role', 'isPrimary'], rows), (records += rows.length), (rows = []));
    }
    await insertRows(em, 'raw_enrollment', ['id', 'section', 'person', 'role', 'isPrimary'], rows);
    records += rows.length;
  });
  return records;
}

/**
 * One request on a kept-alive connection; resolves when the whole answer has been read.
 * node:http, not fetch: undici keeps every response reachable until a full GC, so a long
 * sync would grow this process's heap with the poller's own garbage (60 MB at 50k students,
 * 118 MB at 250k) and the peak RSS would measure the load generator, not the server.
 */
function call(agent: Agent, url: string, body?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', resolve);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Polls /healthz and a small GraphQL query every 50 ms (alternately) while `work` runs in the
 * same process as the API, as `npm start` runs syncs; returns the latencies in ms.
 */
async function pollApiDuring<T>(app: AppContext, work: () => Promise<T>): Promise<[T, number[]]> {
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', launcher: new InProcessLauncher(app) });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let running = true;
  const poller = (async () => {
    for (let i = 0; running; i++) {
      const t = performance.now();
      if (i % 2 === 0) await call(agent, `${server.url}/healthz`);
      else await call(agent, `${server.url}/graphql`, '{"query":"{ __typename }"}');
      const took = performance.now() - t;
      latencies.push(took);
      await new Promise((r) => setTimeout(r, Math.max(0, 50 - took)));
    }
  })();
  try {
    return [await work(), latencies];
  } finally {
    running = false;
    await poller;
    agent.destroy();
    await server.close();
  }
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function benchDialect(dialect: string) {
  const tmp = mkdtempSync(join(tmpdir(), 'homeroom-bench-'));
  const url = benchDatabaseUrl(dialect, `homeroom_bench_${process.pid}`, tmp);
  const ds = await openDatabase(url);
  const app: AppContext = {
    // LOG_LEVEL=debug shows the sync thread's time per step.
    config: loadConfig({
      DATABASE_URL: url,
      SECRET_KEY: 'bench-secret-key-0000',
      DATA_DIR: tmp,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      SYNC_THREAD_NICE: process.env.SYNC_THREAD_NICE,
    }),
    ds,
    logger: createLogger('warn'),
    pubsub: createHomeroomPubSub(),
  };
  try {
    console.log(`\n${dialect}: ${students} students`);
    const districts = new DistrictService(ds, app.config.secretKey);
    const district = await districts.create({ name: 'Bench', sourceKind: SourceKind.DEMO, source: { students, seed: 42, nextYear: false } });
    const run = async () => {
      const { run } = await new SyncRunService(ds).createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
      const done = await executeSyncRunInThread(app, run.id);
      if (done.status !== 'LAUNCHED') throw new Error(`run ${done.id} ${done.status}: ${done.error}`);
      return done;
    };
    const idleRss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    peakRss = 0;
    peakHeap = 0;
    const [[firstS, first], latencies] = await pollApiDuring(app, () => timed('first sync (empty database)', run));
    const apiP99 = +percentile(latencies, 99).toFixed(1);
    console.log(
      `${'API during first sync'.padEnd(40)} p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${apiP99} ms, max ${Math.max(...latencies).toFixed(1)} ms (${latencies.length} requests)`,
    );
    const synced = Object.values(first.counts!).reduce((a, c) => a + c.created, 0);
    console.log(`${'records synced'.padEnd(40)} ${synced} (${Math.round(synced / firstS)} records/s)`);
    const [resyncS] = await timed('re-sync, no changes', run);
    await districts.update(district.id, { source: { perturbShare: 0.05, perturbSeed: 7 } });
    const [resync5S, changed] = await timed('re-sync, 5% of records changed', run);
    const c = changed.counts!;
    console.log(
      `${'  changes'.padEnd(40)} people updated ${c.people.updated}, sections updated ${c.sections.updated}, enrollments deleted ${c.enrollments.deleted}`,
    );
    const peak = Math.round(peakRss / 1024 / 1024);
    console.log(
      `${'peak RSS during the syncs'.padEnd(40)} ${peak} MB (${idleRss} MB before the first; API thread's heap peaked at ${Math.round(peakHeap / 1024 / 1024)} MB)`,
    );
    // Last, so the rows it generates in this process do not count in the syncs' peak RSS.
    const [rawS, records] = await timed('raw bulk load (baseline)', () => rawLoad(ds));
    console.log(`${'first sync / raw bulk load'.padEnd(40)} ${(firstS / rawS).toFixed(1)}×`);
    console.log(
      JSON.stringify({
        db: dialect,
        students,
        records,
        raw_load_s: +rawS.toFixed(2),
        first_sync_s: +firstS.toFixed(2),
        resync_s: +resyncS.toFixed(2),
        resync_5pct_s: +resync5S.toFixed(2),
        peak_rss_mb: peak,
        api_p99_ms: apiP99,
      }),
    );
  } finally {
    await ds.destroy();
    if (dialect === 'mysql') await dropMysqlDatabase(url);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (dbs.length === 1) {
  await benchDialect(dbs[0]);
} else {
  // One process per database, so each peak RSS is that database's alone.
  const { spawnSync } = await import('node:child_process');
  for (const d of dbs) {
    const runTs = repoFile('bin/run-ts.mjs');
    const r = spawnSync(process.execPath, [runTs, 'server/bench/sync.bench.ts', '--students', String(students), '--db', d], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
}
process.exit(process.exitCode ?? 0);

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../src/app-context.js';
import { startHttpServer } from '../../src/http/http-server.js';
import { registerOperationsRoutes } from '../../src/http/operations.routes.js';
import { createJobClient } from '../../src/jobs/index.js';
import { HomeroomMetrics } from '../../src/observability/metrics.js';
import { closeReadiness } from '../../src/observability/readiness.js';
import { InProcessLauncher } from '../../src/sync/sync-launcher.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** registerOperationsRoutes on a bare express app with its own metrics registry. */
async function opsServer(app: AppContext) {
  const metrics = new HomeroomMetrics({ processMetrics: false });
  const e = express();
  registerOperationsRoutes(e, app, { metrics });
  e.post('/graphql', express.json(), (req, res) => {
    res.status(req.body?.query ? 200 : 400).json({ data: { __typename: 'Query' } });
  });
  const server = e.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, metrics, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const metricValue = (text: string, line: string) => {
  const m = text.split('\n').find((l) => l.startsWith(`${line} `));
  return m === undefined ? undefined : Number(m.slice(line.length + 1));
};

describe.each(DIALECTS)('/readyz and /metrics on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  const opened: AppContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
  });
  afterAll(async () => {
    for (const a of opened) closeReadiness(a);
    await db.drop();
  });
  const withConfig = (redisUrl: string | null): AppContext => {
    const a = { ...app, config: { ...app.config, redisUrl } };
    opened.push(a);
    return a;
  };

  it('/readyz: 200 with the database and Redis; 503 naming Redis when it is down', async () => {
    for (const [redisUrl, status, redis] of [
      [null, 200, 'not configured'],
      [REDIS_URL, 200, 'ok'],
      ['redis://127.0.0.1:1', 503, 'unreachable'],
    ] as const) {
      const s = await opsServer(withConfig(redisUrl));
      try {
        const res = await fetch(`${s.url}/readyz`);
        expect([redisUrl, res.status]).toEqual([redisUrl, status]);
        expect(await res.json()).toEqual({ status: status === 200 ? 'ok' : 'unavailable', checks: { database: 'ok', redis } });
        expect(res.headers.get('cache-control')).toBe('no-store');
      } finally {
        await s.close();
      }
    }
  });

  it('/metrics: runs by status, run durations, records by entity and action, queue size, GraphQL durations', async () => {
    const d = await createDistrict(app, `Metrics ${dialect}`);
    const ok = await sync(app, d.id, { source: new FixtureSource(smallDistrict()) });
    expect(ok.status).toBe(SyncStatus.LAUNCHED);
    const broken = new FixtureSource(smallDistrict());
    broken.failOn = 'sections';
    expect((await sync(app, d.id, { source: broken })).status).toBe(SyncStatus.FAILED);
    await sync(app, d.id, { source: new FixtureSource(smallDistrict()), dryRun: true });
    // A queued run no worker has picked up.
    const { run: queued } = await new SyncRunService(db.ds).createRun({ districtId: d.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    const jobs = await createJobClient(app);
    await jobs.enqueueSyncRun(queued.id);
    await jobs.close();

    const s = await opsServer(app);
    try {
      for (const name of ['Roster', 'Roster', 'Districts']) {
        await fetch(`${s.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }', operationName: name }),
        });
      }
      await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const res = await fetch(`${s.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(metricValue(text, 'homeroom_sync_runs{status="LAUNCHED"}')).toBe(2); // the sync and the dry run
      expect(metricValue(text, 'homeroom_sync_runs{status="FAILED"}')).toBe(1);
      expect(metricValue(text, 'homeroom_sync_runs{status="SCHEDULED"}')).toBe(1);
      expect(metricValue(text, 'homeroom_sync_runs{status="CANCELLED"}')).toBe(0);
      expect(metricValue(text, 'homeroom_sync_run_duration_seconds_count{mode="EDIT",status="LAUNCHED"}')).toBe(2);
      expect(metricValue(text, 'homeroom_sync_run_duration_seconds_count{mode="EDIT",status="FAILED"}')).toBe(1);
      expect(metricValue(text, 'homeroom_sync_run_duration_seconds_bucket{le="+Inf",mode="EDIT",status="LAUNCHED"}')).toBe(2);
      // Records of the one applied run (dry runs and failed runs change nothing).
      expect(metricValue(text, 'homeroom_sync_records_total{entity="people",action="created"}')).toBe(13);
      expect(metricValue(text, 'homeroom_sync_records_total{entity="schools",action="created"}')).toBe(2);
      expect(metricValue(text, 'homeroom_job_queue_size')).toBe(1);
      expect(metricValue(text, 'homeroom_graphql_request_duration_seconds_count{operation="Roster",status="200"}')).toBe(2);
      expect(metricValue(text, 'homeroom_graphql_request_duration_seconds_count{operation="Districts",status="200"}')).toBe(1);
      expect(metricValue(text, 'homeroom_graphql_request_duration_seconds_count{operation="anonymous",status="400"}')).toBe(1);

      // Scraping again does not count finished runs twice.
      const again = await (await fetch(`${s.url}/metrics`)).text();
      expect(metricValue(again, 'homeroom_sync_records_total{entity="people",action="created"}')).toBe(13);
      expect(metricValue(again, 'homeroom_sync_run_duration_seconds_count{mode="EDIT",status="LAUNCHED"}')).toBe(2);
    } finally {
      await s.close();
      await new SyncRunService(db.ds).requestCancel(queued.id);
    }
  });

  it('the API server serves /readyz and /metrics beside /healthz and times GraphQL requests', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', launcher: new InProcessLauncher(app) });
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query OpsProbe { __typename }', operationName: 'OpsProbe' }),
      });
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toMatch(/^homeroom_graphql_request_duration_seconds_count\{operation="OpsProbe",status="\d{3}"\} [1-9]/m);
      expect(text).toMatch(/^homeroom_sync_runs\{status="LAUNCHED"\} \d+/m);
      expect(text).toMatch(/^homeroom_process_resident_memory_bytes /m);
    } finally {
      await server.close();
    }
  });

  it('/readyz answers 503 naming the database when it is gone', async () => {
    const gone = await createTestDatabase(dialect);
    const a = { ...testApp(gone) };
    const s = await opsServer(a);
    try {
      await gone.drop();
      const res = await fetch(`${s.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', checks: { database: 'unreachable', redis: 'not configured' } });
      expect((await fetch(`${s.url}/metrics`)).status).toBe(503);
    } finally {
      await s.close();
    }
  });
});

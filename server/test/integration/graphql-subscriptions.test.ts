import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AdminRole } from '../../src/auth/roles.js';
import { createRedisPubSub } from '../../src/events/redis-pubsub.js';
import type { District } from '../../src/roster/district.entity.js';
import { SyncMode, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { adminSession, apiTokenFor, startApiServer, waitFor, type ApiServer } from '../support/api-harness.js';
import { exclusiveSuite } from '../support/exclusive-suite.js';
import { createDistrict, TEST_SECRET } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Redis channels are server-wide: no other Redis test file runs at the same time.
exclusiveSuite('redis');
const SUBSCRIPTION = `subscription ($runId: ID, $districtId: ID) {
  syncRunUpdated(runId: $runId, districtId: $districtId) { runId districtId status phase percent etaSeconds progress { entity processed total } }
}`;

function wsClient(api: ApiServer, auth: string | null): Client {
  return createClient({
    url: `${api.server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: auth ? { authorization: `Bearer ${auth}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects events until a final status arrives (or an error ends the subscription). */
function follow(client: Client, variables: Record<string, unknown>) {
  const events: any[] = [];
  const done = new Promise<{ events: any[]; error?: any }>((resolve) => {
    const stop = client.subscribe(
      { query: SUBSCRIPTION, variables },
      {
        next: (msg) => {
          if (msg.errors) return resolve({ events, error: msg.errors });
          events.push(msg.data!.syncRunUpdated);
          if (['LAUNCHED', 'FAILED', 'CANCELLED'].includes((msg.data as any).syncRunUpdated.status)) {
            stop();
            resolve({ events });
          }
        },
        error: (error) => resolve({ events, error }),
        complete: () => resolve({ events }),
      },
    );
  });
  return { events, done };
}

describe.each(DIALECTS)('syncRunUpdated over graphql-ws on %s', (dialect) => {
  let api: ApiServer;
  let a: District;
  let b: District;
  let platform: string;
  let adminB: string;
  let tokenA: string;

  beforeAll(async () => {
    const { pubsub, close } = createRedisPubSub(REDIS_URL);
    api = await startApiServer(dialect);
    api.app.pubsub = pubsub;
    const original = api.close;
    api.close = async () => {
      await original();
      await close();
    };
    a = await createDistrict(api.app, 'District A', undefined, { students: 300 });
    b = await createDistrict(api.app, 'District B', undefined, { students: 30, seed: 3 });
    platform = await adminSession(api, 'platform@homeroom.test', AdminRole.PLATFORM_ADMIN);
    adminB = await adminSession(api, 'admin@b.test', AdminRole.DISTRICT_ADMIN, b.id);
    tokenA = await apiTokenFor(api, a.id);
  });

  afterAll(async () => api?.close());

  it('stream a run started with startSync from Scheduled through its phases to Launched', async () => {
    const client = wsClient(api, platform);
    const { done } = follow(client, { districtId: a.id });
    await new Promise((r) => setTimeout(r, 300));
    const started = await api.gql('mutation ($id: ID!) { startSync(input: { districtId: $id }) { alreadyRunning run { id status } } }', { id: a.id }, platform);
    expect(started.errors).toBeUndefined();
    expect(started.data.startSync).toEqual({ alreadyRunning: false, run: expect.objectContaining({ status: 'SCHEDULED' }) });
    const runId = started.data.startSync.run.id;
    const { events, error } = await done;
    await client.dispose();
    expect(error).toBeUndefined();
    expect(events.every((e) => e.runId === runId && e.districtId === String(a.id))).toBe(true);
    expect(events.at(-1)).toEqual(expect.objectContaining({ status: 'LAUNCHED', percent: 100 }));
    const phases = events.map((e) => e.phase).filter(Boolean);
    expect(phases).toEqual(expect.arrayContaining(['FETCHING', 'APPLYING']));
    const percents = events.filter((e) => e.status === 'IN_PROGRESS').map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    await api.launcher.close();

    // Following a run by id starts with its current state.
    const late = wsClient(api, platform);
    const replay = await follow(late, { runId }).done;
    await late.dispose();
    expect(replay.events).toEqual([expect.objectContaining({ runId, status: 'LAUNCHED', percent: 100 })]);
  });

  it('return the active run instead of a CONFLICT when one exists, and cancel a scheduled run at once', async () => {
    const { run } = await new SyncRunService(api.app.ds).createRun({ districtId: b.id, mode: SyncMode.EDIT, trigger: SyncTrigger.SCHEDULED });
    const res = await api.gql(
      'mutation ($id: ID!) { startSync(input: { districtId: $id, mode: RESET }) { alreadyRunning run { id status trigger } } }',
      { id: b.id },
      adminB,
    );
    expect(res.data.startSync).toEqual({ alreadyRunning: true, run: { id: String(run.id), status: 'SCHEDULED', trigger: 'SCHEDULED' } });
    const cancelled = await api.gql('mutation ($id: ID!) { cancelSync(runId: $id) { status error } }', { id: run.id }, adminB);
    expect(cancelled.data.cancelSync).toEqual({ status: 'CANCELLED', error: 'Cancelled before it started' });
    const again = await api.gql('mutation ($id: ID!) { cancelSync(runId: $id) { status } }', { id: run.id }, adminB);
    expect(again.errors?.[0]).toEqual(
      expect.objectContaining({
        message: `Sync run ${run.id} has already finished (CANCELLED); there is nothing to cancel`,
        extensions: expect.objectContaining({ code: 'CONFLICT' }),
      }),
    );
  });

  it('refuse a connection without credentials, and answer callers outside their scope with FORBIDDEN / NOT_FOUND', async () => {
    const anonymous = wsClient(api, null);
    const anon = await follow(anonymous, { districtId: a.id }).done;
    expect(anon.error).toEqual(expect.objectContaining({ code: 4403 }));
    await anonymous.dispose();

    const token = wsClient(api, tokenA);
    const t = await follow(token, { districtId: a.id }).done;
    expect(t.error[0].extensions.code).toBe('FORBIDDEN');
    await token.dispose();

    const other = wsClient(api, adminB);
    const o = await follow(other, { districtId: a.id }).done;
    expect(o.error[0]).toEqual(
      expect.objectContaining({ message: `District ${a.id} was not found`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
    await other.dispose();
  });

  it('deliver through Redis an event published by a worker in another process to a subscriber of this API process', async () => {
    const { run } = await new SyncRunService(api.app.ds).createRun({ districtId: a.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL, requestedBy: 'test' });
    const client = wsClient(api, platform);
    const followed = follow(client, { districtId: a.id });
    // The district subscription is live once the server has subscribed to Redis.
    await new Promise((r) => setTimeout(r, 300));
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', join(process.cwd(), 'test/support/api-sync-worker.ts')], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        SWC_NODE_PROJECT: join(process.cwd(), 'tsconfig.json'),
        DATABASE_URL: api.db.url,
        REDIS_URL,
        RUN_ID: String(run.id),
        SECRET_KEY: TEST_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const { events, error } = await followed.done;
    await client.dispose();
    expect(await exit).toBe(0);
    expect(err).not.toMatch(/Error/);
    expect(out).toMatch(/done LAUNCHED pid (\d+)/);
    expect(Number(/pid (\d+)/.exec(out)![1])).not.toBe(process.pid);
    expect(error).toBeUndefined();
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.runId === String(run.id))).toBe(true);
    expect(events.at(-1)).toEqual(expect.objectContaining({ status: 'LAUNCHED', percent: 100 }));
    expect(events.some((e) => e.status === 'IN_PROGRESS' && e.progress.some((p: any) => p.processed > 0))).toBe(true);
    await waitFor(async () => (await new SyncRunService(api.app.ds).get(run.id))?.status === 'LAUNCHED', 5000, 'run launched');
  }, 90_000);
});

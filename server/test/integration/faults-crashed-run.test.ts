// Fault: `homeroom sync --wait` killed with SIGKILL while no worker runs. The district must not
// stay blocked: the next `homeroom sync` (or a worker's periodic check) recovers the run once its
// heartbeat is RUN_HEARTBEAT_TIMEOUT_SECONDS old, and cancelling the dead run ends it at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictScope } from '../../src/auth/viewer.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { runServiceFor } from '../../src/sync/run-recovery.js';
import { InProcessLauncher } from '../../src/sync/sync-launcher.js';
import { SyncControlService } from '../../src/sync/sync-control.service.js';
import { FailureCode, SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { waitFor } from '../support/faults-roster.js';
import { spawnWorker } from '../support/jobs-spawn.js';
import { createDistrict, TEST_SECRET, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const BIN = resolve(process.cwd(), '..', 'bin', 'homeroom.mjs');
const TIMEOUT_S = 4;

describe.each(DIALECTS)('a crashed `sync --wait` on %s', (dialect) => {
  let db: TestDatabase;
  let hanging: Server;
  let sourceUrl: string;
  let dataDir: string;
  const children: ChildProcess[] = [];
  const env = () => ({
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URL: db.url,
    SECRET_KEY: TEST_SECRET,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    RUN_HEARTBEAT_TIMEOUT_SECONDS: String(TIMEOUT_S),
  });
  const app = () => testApp(db);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'homeroom-crash-'));
    // A Clever API that accepts the request and never answers: the run stays IN_PROGRESS, beating.
    hanging = createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    sourceUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((r) => hanging.close(r));
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  });

  /** `homeroom sync <id> --wait` in a child process, killed with SIGKILL once its run is IN_PROGRESS and beating. */
  async function crashedRun(name: string): Promise<{ districtId: number; run: SyncRun; killedAt: number }> {
    const d = await createDistrict(app(), name, SourceKind.CLEVER_API, { url: sourceUrl, token: 'tok' });
    const child = spawn(process.execPath, [BIN, 'sync', String(d.id), '--wait', '--json'], { env: env(), stdio: 'ignore' });
    children.push(child);
    const runs = db.ds.getRepository(SyncRun);
    await waitFor(
      async () => {
        const r = await runs.findOneBy({ districtId: d.id });
        return r?.status === SyncStatus.IN_PROGRESS && r.heartbeatAt !== null;
      },
      60_000,
      'the run to be in progress',
      50,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const killedAt = Date.now();
    return { districtId: d.id, run: await runs.findOneByOrFail({ districtId: d.id }), killedAt };
  }

  async function homeroomSync(districtId: number): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'sync', String(districtId), '--json'], { env: env() });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  it("with no worker running, the next `homeroom sync` starts once the dead run's heartbeat is stale", async () => {
    const { districtId, run, killedAt } = await crashedRun(`Crash ${dialect}`);
    expect(run.status).toBe(SyncStatus.IN_PROGRESS);

    // Right after the crash the heartbeat is fresh: the district is busy (the run might be alive).
    const a = { ...app(), config: { ...app().config, runHeartbeatTimeoutSeconds: TIMEOUT_S } };
    const req = { districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL };
    if (Date.now() - run.heartbeatAt!.getTime() < 1500) expect(await runServiceFor(a).createRun(req)).toMatchObject({ existing: true, run: { id: run.id } });

    // Once the heartbeat is stale (the timeout after the last beat at the latest), `homeroom sync` starts a new run.
    await waitFor(() => Date.now() - run.heartbeatAt!.getTime() > TIMEOUT_S * 1000, 10_000, 'the heartbeat to go stale', 100);
    const started = await homeroomSync(districtId);
    expect(started.code).toBe(0);
    expect(started.stderr).toContain('sync run recovered: its process stopped');
    const next = JSON.parse(started!.stdout) as { id: number; status: string };
    expect(next).toMatchObject({ status: 'SCHEDULED' });
    expect(next.id).not.toBe(run.id);
    const dead = await db.ds.getRepository(SyncRun).findOneByOrFail({ id: run.id });
    expect(dead).toMatchObject({ status: SyncStatus.FAILED, error: 'interrupted', failureCode: FailureCode.INTERRUPTED, activeDistrictId: null });
    // Recovered by that command (not earlier: the run might have been alive).
    expect(dead.finishedAt!.getTime()).toBeGreaterThan(killedAt);
    await runServiceFor(app()).requestCancel(next.id);
  }, 120_000);

  it('a worker recovers the dead run on its own within the timeout, without waiting for a job lock', async () => {
    const worker = spawnWorker({
      DATABASE_URL: db.url,
      RECORD_FILE: join(dataDir, 'worker.log'),
      RUN_HEARTBEAT_TIMEOUT_SECONDS: String(TIMEOUT_S),
      LOCK_LIFETIME_MS: '600000',
    });
    children.push(worker.child);
    await worker.ready;
    const { run } = await crashedRun(`Crash worker ${dialect}`);
    const failed = await waitFor(
      async () => {
        const r = await db.ds.getRepository(SyncRun).findOneByOrFail({ id: run.id });
        return r.status === SyncStatus.FAILED ? r : null;
      },
      TIMEOUT_S * 1000 + 5000,
      'the worker to recover the run',
      100,
    );
    expect(failed).toMatchObject({ error: 'interrupted', failureCode: FailureCode.INTERRUPTED, activeDistrictId: null });
    expect(failed.finishedAt!.getTime() - run.heartbeatAt!.getTime()).toBeLessThanOrEqual(TIMEOUT_S * 1000 + 1000);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 120_000);

  it('cancelSync on a run whose process is gone ends it CANCELLED at once', async () => {
    const { districtId, run } = await crashedRun(`Crash cancel ${dialect}`);
    const a = { ...app(), config: { ...app().config, runHeartbeatTimeoutSeconds: TIMEOUT_S } };
    const control = new SyncControlService(
      db.ds,
      DistrictScope.of({ kind: 'ADMIN', userId: 1, email: 'admin@test', role: AdminRole.PLATFORM_ADMIN, districtId: null, sessionId: null }),
      new InProcessLauncher(a),
      'test',
      runServiceFor(a),
    );
    // While the heartbeat is fresh, the process may be alive: only a request is recorded.
    if (Date.now() - run.heartbeatAt!.getTime() < 2000) {
      const asked = await control.cancel(run.id).catch(() => null);
      if (asked && Date.now() - run.heartbeatAt!.getTime() < (TIMEOUT_S - 1) * 1000)
        expect(asked).toMatchObject({ status: SyncStatus.IN_PROGRESS, cancelRequested: true });
    }
    await waitFor(() => Date.now() - run.heartbeatAt!.getTime() > TIMEOUT_S * 1000, 10_000, 'the heartbeat to go stale', 100);
    const started = Date.now();
    const cancelled = await control.cancel(run.id);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(cancelled).toMatchObject({ status: SyncStatus.CANCELLED, failureCode: FailureCode.CANCELLED_DEAD, activeDistrictId: null });
    expect(cancelled.error).toMatch(/^Cancelled: the process running it had stopped/);
    expect(await runServiceFor(a).activeRun(districtId)).toBeNull();
  }, 120_000);
});

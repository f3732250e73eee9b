import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agenda } from 'agenda';
import { createJobBackend } from '../../src/jobs/index.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { makeDistrict } from '../support/factories.js';
import { spawnWorker } from '../support/jobs-spawn.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []);

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(DIALECTS)('job workers in separate processes on %s', (dialect) => {
  let db: TestDatabase;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'homeroom-jobs-'));
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (name: string, env: Record<string, string> = {}) => {
    const w = spawnWorker({ DATABASE_URL: db.url, RECORD_FILE: join(dir, `${name}.log`), ...env });
    children.push(w.child);
    return w;
  };

  it('two workers run each of 200 queued jobs exactly once', async () => {
    const agenda = new Agenda({ backend: createJobBackend(db.ds) });
    await agenda.ready;
    for (let n = 0; n < 200; n++) await agenda.create('test-record', { n }).schedule(new Date()).save();
    const file = join(dir, 'exactly-once.log');
    const a = start('exactly-once', { CONCURRENCY: '8' });
    const b = start('exactly-once', { CONCURRENCY: '8' });
    await Promise.all([a.ready, b.ready]);
    await waitFor(() => lines(file).length >= 200, 40_000, '200 executions');
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would show up now
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    const executions = lines(file).map((l) => Number(l.split(' ')[1]));
    expect(executions).toHaveLength(200);
    expect(new Set(executions).size).toBe(200);
    const byPid = new Map<string, number>();
    for (const l of lines(file)) byPid.set(l.split(' ')[2], (byPid.get(l.split(' ')[2]) ?? 0) + 1);
    // Both processes competed for the same queue (which one wins how many is up to timing).
    expect([...byPid.keys()].every((pid) => [String(a.child.pid), String(b.child.pid)].includes(pid))).toBe(true);
    const left = await agenda.queryJobs({ name: 'test-record' });
    expect(left.jobs.filter((j) => !j.lastFinishedAt)).toHaveLength(0);
  }, 60_000);

  it('kill -9 of a worker holding a sync run: another worker takes the job over after the lock lifetime and fails the run as interrupted', async () => {
    const district = await makeDistrict(db.ds, { name: `D-${dialect}` });
    const runs = new SyncRunService(db.ds);
    const { run } = await runs.createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    const agenda = new Agenda({ backend: createJobBackend(db.ds) });
    await agenda.ready;
    await agenda.create('sync-run', { runId: run.id }).schedule(new Date()).save();

    const file = join(dir, 'kill.log');
    const doomed = start('kill', { HANG_RUNS: '1', LOCK_LIFETIME_MS: '2000' });
    await doomed.ready;
    await waitFor(() => lines(file).some((l) => l.startsWith(`run-started ${run.id}`)), 20_000, 'the run to start');
    expect((await runs.get(run.id))?.status).toBe(SyncStatus.IN_PROGRESS);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const killedAt = Date.now();

    const rescuer = start('kill-rescuer', { LOCK_LIFETIME_MS: '2000' });
    await rescuer.ready;
    await waitFor(async () => (await runs.get(run.id))?.status === SyncStatus.FAILED, 20_000, 'the run to be failed');
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(1500);
    const failed = await runs.get(run.id);
    expect(failed).toMatchObject({ status: SyncStatus.FAILED, error: 'interrupted', activeDistrictId: null });
    expect(failed!.finishedAt).toBeInstanceOf(Date);
    // The job finished (and was removed); the district takes a new run normally.
    await waitFor(async () => (await agenda.queryJobs({ name: 'sync-run', data: { runId: run.id } })).total === 0, 10_000, 'the job to complete');
    const next = await runs.createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    expect(next.existing).toBe(false);
    await runs.markFailed(next.run.id, 'test over');
    rescuer.child.kill('SIGTERM');
    expect(await rescuer.exited).toBe(0);
  }, 60_000);

  it('SIGTERM: a sync run still running after the grace period is marked FAILED "interrupted" and the worker exits', async () => {
    const district = await makeDistrict(db.ds, { name: `T-${dialect}` });
    const runs = new SyncRunService(db.ds);
    const { run } = await runs.createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    const agenda = new Agenda({ backend: createJobBackend(db.ds) });
    await agenda.ready;
    await agenda.create('sync-run', { runId: run.id }).schedule(new Date()).save();
    const file = join(dir, 'term.log');
    const w = start('term', { HANG_RUNS: '1' });
    await w.ready;
    await waitFor(() => lines(file).some((l) => l.startsWith(`run-started ${run.id}`)), 20_000, 'the run to start');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(await runs.get(run.id)).toMatchObject({ status: SyncStatus.FAILED, error: 'interrupted', activeDistrictId: null });
  }, 30_000);
});

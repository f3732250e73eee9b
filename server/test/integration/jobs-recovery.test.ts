import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agenda } from 'agenda';
import type { AppContext } from '../../src/app-context.js';
import { createJobBackend, JobScheduler, recoverRuns } from '../../src/jobs/index.js';
import { FailureCode, SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { createDistrict, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

describe.each(DIALECTS)('run recovery on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let agenda: Agenda;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
    agenda = new Agenda({ backend: createJobBackend(db.ds), name: 'recovery-test' });
    await agenda.ready;
  });
  afterAll(async () => {
    await agenda.stop();
    await db.drop();
  });

  const inProgress = async (name: string, heartbeatAgoMs: number) => {
    const d = await createDistrict(app, name);
    const runs = new SyncRunService(db.ds);
    const { run } = await runs.createRun({ districtId: d.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    await runs.claim(run.id);
    await db.ds.getRepository(SyncRun).update({ id: run.id }, { heartbeatAt: new Date(Date.now() - heartbeatAgoMs) });
    return { districtId: d.id, runId: run.id };
  };

  it('fails a run whose executing process stopped beating (a CLI --wait that died) and frees its district', async () => {
    const dead = await inProgress('Dead CLI', 5 * 60_000);
    const alive = await inProgress('Live CLI', 2_000);
    const { interrupted } = await recoverRuns(app, agenda, new JobScheduler(agenda, db.ds), 60_000);
    expect(interrupted).toEqual([dead.runId]);
    const runs = db.ds.getRepository(SyncRun);
    expect(await runs.findOneByOrFail({ id: dead.runId })).toMatchObject({ status: SyncStatus.FAILED, error: 'interrupted', activeDistrictId: null });
    expect((await runs.findOneByOrFail({ id: alive.runId })).status).toBe(SyncStatus.IN_PROGRESS);
    const next = await new SyncRunService(db.ds).createRun({ districtId: dead.districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL });
    expect(next.existing).toBe(false);
  });

  it('fails a queued run whose worker died as soon as its heartbeat is stale, without waiting out the job lock', async () => {
    const dead = await inProgress('Dead worker', 5 * 60_000);
    await new JobScheduler(agenda, db.ds).enqueueSyncRun(dead.runId);
    // The dead worker's lock is fresh enough to last another 10 minutes.
    await db.ds.query(`UPDATE agenda_job SET lockedAt = ? WHERE name = 'sync-run'`, [Date.now()]);
    const { interrupted } = await recoverRuns(app, agenda, new JobScheduler(agenda, db.ds), 10 * 60_000);
    expect(interrupted).toEqual([dead.runId]);
    expect(await db.ds.getRepository(SyncRun).findOneByOrFail({ id: dead.runId })).toMatchObject({
      status: SyncStatus.FAILED,
      error: 'interrupted',
      failureCode: FailureCode.INTERRUPTED,
      activeDistrictId: null,
    });
  });

  it('a graceful stop marks interrupted only runs the database says are unfinished, never one whose apply committed', async () => {
    const runs = new SyncRunService(db.ds);
    const launched = await inProgress('Committed', 0);
    await runs.finish(launched.runId, SyncStatus.LAUNCHED, { counts: {} });
    const running = await inProgress('Still running', 0);
    const aborted = await inProgress('Aborted by shutdown', 0);
    await runs.finish(aborted.runId, SyncStatus.CANCELLED, { error: 'The worker is shutting down' });
    const userCancelled = await inProgress('Cancelled by a user', 0);
    await runs.finish(userCancelled.runId, SyncStatus.CANCELLED, { error: 'Cancelled by request' });

    const outcome = [];
    for (const r of [launched, running, aborted, userCancelled]) outcome.push(await runs.interruptAtShutdown(r.runId));
    expect(outcome).toEqual([false, true, true, false]);
    const status = async (id: number) => (await db.ds.getRepository(SyncRun).findOneByOrFail({ id })).status;
    expect([await status(launched.runId), await status(running.runId), await status(aborted.runId), await status(userCancelled.runId)]).toEqual([
      SyncStatus.LAUNCHED,
      SyncStatus.FAILED,
      SyncStatus.FAILED,
      SyncStatus.CANCELLED,
    ]);
  });
});

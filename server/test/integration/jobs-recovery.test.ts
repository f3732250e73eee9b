import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agenda } from 'agenda';
import type { AppContext } from '../../src/app-context.js';
import { createJobBackend, JobScheduler, recoverRuns } from '../../src/jobs/index.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
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
});

// Fault: a worker process killed with SIGKILL while it is APPLYING a large sync.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJobClient } from '../../src/jobs/index.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { SyncMode, SyncPhase, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { executeSyncRun } from '../../src/sync/sync-run.executor.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { rosterFingerprint, waitFor } from '../support/faults-roster.js';
import { jobsTestApp } from '../support/jobs-app.js';
import { spawnWorker } from '../support/jobs-spawn.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

// Large enough that the apply takes seconds (tens of thousands of rows in one transaction).
const STUDENTS = Number(process.env.FAULT_STUDENTS ?? 8000);

describe.each(DIALECTS)('worker killed with SIGKILL while applying a large sync on %s', (dialect) => {
  let db: TestDatabase;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'homeroom-faults-'));
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`leaves the roster exactly as before, the run FAILED "interrupted", and the next run succeeds (${STUDENTS} students)`, async () => {
    const app = jobsTestApp(db.ds);
    const districts = new DistrictService(db.ds, app.config.secretKey);
    const runs = new SyncRunService(db.ds);
    // A synced roster to protect: a small demo district...
    const district = await districts.create({ name: `Kill ${dialect}`, sourceKind: SourceKind.DEMO, source: { students: 300, seed: 7 } });
    const { run: first } = await runs.createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL, asOf: '2026-11-23' });
    expect((await executeSyncRun(app, first.id)).status).toBe(SyncStatus.LAUNCHED);
    const before = await rosterFingerprint(db.ds);
    expect(before.person.rows).toBeGreaterThan(300);

    // ...that grows a hundredfold: the apply writes a few hundred thousand rows in one transaction.
    await districts.update(district.id, { source: { students: STUDENTS, seed: 7 } });
    // The regenerated district drops most of the small one's enrollments: past the mass-delete guard on purpose.
    const { run } = await runs.createRun({
      districtId: district.id,
      mode: SyncMode.EDIT,
      trigger: SyncTrigger.MANUAL,
      asOf: '2026-11-23',
      overrideThreshold: true,
    });
    const jobs = await createJobClient(app);
    const start = (name: string) => {
      const w = spawnWorker({ DATABASE_URL: db.url, RECORD_FILE: join(dir, `${name}.log`), LOCK_LIFETIME_MS: '2000', PROCESS_EVERY_MS: '100' });
      children.push(w.child);
      return w;
    };
    try {
      const doomed = start('doomed');
      await doomed.ready;
      await jobs.enqueueSyncRun(run.id);
      await waitFor(async () => (await runs.get(run.id))?.phase === SyncPhase.APPLYING, 90_000, 'the run to reach APPLYING', 10);
      // Let it write for a moment (the whole apply takes seconds; its progress row is only saved every second).
      await new Promise((r) => setTimeout(r, 200));
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      const killed = await runs.get(run.id);
      expect(killed).toMatchObject({ status: SyncStatus.IN_PROGRESS, phase: SyncPhase.APPLYING });

      // Not one roster row changed: the transaction died with the process.
      expect(await rosterFingerprint(db.ds)).toEqual(before);

      // Another worker takes the job over once the dead worker's lock expires and fails the run.
      const rescuer = start('rescuer');
      await rescuer.ready;
      const failed = await waitFor(
        async () => {
          const r = await runs.get(run.id);
          return r?.status === SyncStatus.FAILED ? r : null;
        },
        30_000,
        'the run to be failed',
      );
      expect(failed).toMatchObject({ error: 'interrupted', activeDistrictId: null });
      expect(await rosterFingerprint(db.ds)).toEqual(before);

      // The next run applies the whole district.
      const { run: next, existing } = await runs.createRun({
        districtId: district.id,
        mode: SyncMode.EDIT,
        trigger: SyncTrigger.MANUAL,
        asOf: '2026-11-23',
        overrideThreshold: true,
      });
      expect(existing).toBe(false);
      await jobs.enqueueSyncRun(next.id);
      const done = await waitFor(
        async () => {
          const r = await runs.get(next.id);
          return r && r.status !== SyncStatus.SCHEDULED && r.status !== SyncStatus.IN_PROGRESS ? r : null;
        },
        120_000,
        'the next run to end',
        100,
      );
      expect(done).toMatchObject({ status: SyncStatus.LAUNCHED, error: null });
      expect(done.counts!.people.created).toBeGreaterThan(STUDENTS - 1000);
      const after = await rosterFingerprint(db.ds);
      expect(after.person.rows).toBeGreaterThan(STUDENTS);
      rescuer.child.kill('SIGTERM');
      expect(await rescuer.exited).toBe(0);
    } finally {
      await jobs.close();
    }
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/app-context.js';
import { SYNC_RUN_UPDATED, type SyncRunUpdate } from '../../src/events/pubsub.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { executeSyncRunInThread } from '../../src/sync/sync-thread.js';
import { createDistrict, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

/** Nice values of this process's threads (Linux keeps one per thread; field 19 of each task's stat). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return [Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16])];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

describe.each(DIALECTS)('a sync in its own thread (%s)', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
  });
  afterAll(() => db.drop());

  it('runs to Launched, publishes its progress here, and never holds this event loop', async () => {
    const district = await createDistrict(app, 'Threaded', undefined, { students: 3000, seed: 7 });
    const { run } = await new SyncRunService(app.ds).createRun({
      districtId: district.id,
      mode: SyncMode.EDIT,
      trigger: SyncTrigger.MANUAL,
      requestedBy: 'test',
    });
    const updates: SyncRunUpdate[] = [];
    const sub = (async () => {
      for await (const u of app.pubsub.subscribe(SYNC_RUN_UPDATED)) {
        updates.push(u);
        if (u.status === SyncStatus.LAUNCHED || u.status === SyncStatus.FAILED) return;
      }
    })();
    // How much of the sync's time this event loop (the API's) was busy: a sync on it keeps it
    // busy about half the time on MySQL and all of it on SQLite; a sync in its thread, a few
    // percent (its progress messages). A share of time, so a loaded machine stretches busy and
    // idle alike, unlike the longest stall.
    const before = performance.eventLoopUtilization();
    // The sync thread runs below the API's priority (SYNC_THREAD_NICE, 10 by default), this thread does not.
    const niceSeen = new Set<number>();
    const sampler = setInterval(() => threadNiceValues().forEach((n) => niceSeen.add(n)), 20);
    const done = await executeSyncRunInThread(app, run.id);
    clearInterval(sampler);
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(app.config.syncThreadNice).toBe(10);
    expect(niceSeen).toContain(10);
    expect(getPriority()).toBe(0);
    await sub;
    expect(done.status).toBe(SyncStatus.LAUNCHED);
    expect(done.counts!.people.created).toBeGreaterThan(3000);
    expect(updates.map((u) => u.status)).toContain(SyncStatus.IN_PROGRESS);
    expect(updates[updates.length - 1]).toMatchObject({ runId: run.id, status: SyncStatus.LAUNCHED, percent: 100 });
    expect(busy).toBeLessThan(0.25);
    const [{ n }] = await app.ds.query('SELECT COUNT(*) AS n FROM person WHERE districtId = ?', [district.id]);
    expect(Number(n)).toBe(done.counts!.people.created);
  });

  it('stops when this process is shutting down, and the run ends cancelled with nothing written', async () => {
    const district = await createDistrict(app, 'Stopped', undefined, { students: 20000, seed: 8 });
    const { run } = await new SyncRunService(app.ds).createRun({
      districtId: district.id,
      mode: SyncMode.EDIT,
      trigger: SyncTrigger.MANUAL,
      requestedBy: 'test',
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('The worker is shutting down')), 1500);
    const done = await executeSyncRunInThread(app, run.id, { signal: controller.signal });
    expect(done.status).toBe(SyncStatus.CANCELLED);
    const [{ n }] = await app.ds.query('SELECT COUNT(*) AS n FROM person WHERE districtId = ?', [district.id]);
    expect(Number(n)).toBe(0);
  });
});

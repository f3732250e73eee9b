import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Agenda } from 'agenda';
import { createJobBackend, JobScheduler, runDistrictSchedule } from '../../src/jobs/index.js';
import type { District } from '../../src/roster/district.entity.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { makeDistrict } from '../support/factories.js';
import { jobsTestApp } from '../support/jobs-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

describe.each(DIALECTS)('district schedules on %s', (dialect) => {
  let db: TestDatabase;
  let agenda: Agenda;
  let scheduler: JobScheduler;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    agenda = new Agenda({ backend: createJobBackend(db.ds) });
    await agenda.ready;
    scheduler = new JobScheduler(agenda, db.ds);
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    await agenda.cancelAll();
  });

  const district = (fields: Partial<District> = {}) => makeDistrict(db.ds, { name: `District ${dialect} ${n++}`, ...fields });

  it('keeps one repeating job per district that follows its schedule and timezone', async () => {
    const d = await district({ schedule: '0 2 * * *', timezone: 'America/New_York' });
    const other = await district({ schedule: '15 4 * * *', timezone: 'UTC' });
    const first = await scheduler.scheduleDistrict(d);
    await scheduler.scheduleDistrict(other);
    expect(first!.getTime()).toBeGreaterThan(Date.now());
    expect(first!.getUTCMinutes()).toBe(0);
    expect([6, 7]).toContain(first!.getUTCHours()); // 02:00 in New York is 06:00 or 07:00 UTC

    d.schedule = '45 23 * * 1-5';
    d.timezone = 'America/Los_Angeles';
    await scheduler.scheduleDistrict(d);
    const { jobs } = await agenda.queryJobs({ name: 'district-schedule' });
    expect(jobs).toHaveLength(2);
    const mine = jobs.find((j) => (j.data as { districtId: number }).districtId === d.id)!;
    expect(mine).toMatchObject({ repeatInterval: '45 23 * * 1-5', repeatTimezone: 'America/Los_Angeles', state: 'repeating' });
    expect(mine.nextRunAt!.getUTCMinutes()).toBe(45);

    await expect(scheduler.scheduleDistrict({ ...d, schedule: '* *' })).rejects.toThrow('expected 5 cron fields');
    await expect(scheduler.scheduleDistrict({ ...d, timezone: 'Mars/Base' })).rejects.toThrow('Unknown timezone "Mars/Base"');

    expect(await scheduler.unscheduleDistrict(d.id)).toBe(1);
    expect((await agenda.queryJobs({ name: 'district-schedule' })).total).toBe(1);
  });

  it('reconciles jobs with the districts table', async () => {
    const d = await district();
    await scheduler.scheduleDistrict({ id: 999_999, schedule: '0 1 * * *', timezone: 'UTC' }); // a deleted district
    const result = await scheduler.syncDistrictSchedules();
    expect(result.removed).toBe(1);
    const ids = (await agenda.queryJobs({ name: 'district-schedule' })).jobs.map((j) => (j.data as { districtId: number }).districtId);
    expect(ids).toContain(d.id);
    expect(ids).not.toContain(999_999);
    expect((await scheduler.syncDistrictSchedules()).scheduled).toBe(0); // nothing changed
  });

  it('a firing creates a SCHEDULED EDIT run and enqueues it; a second firing finds it active', async () => {
    const app = jobsTestApp(db.ds);
    const d = await district();
    const enqueued: number[] = [];
    const outcome = await runDistrictSchedule(app, d.id, async (runId) => void enqueued.push(runId));
    expect(outcome.created).toBe(true);
    const run = await db.ds.getRepository(SyncRun).findOneByOrFail({ districtId: d.id });
    expect(run).toMatchObject({ status: SyncStatus.SCHEDULED, mode: SyncMode.EDIT, trigger: SyncTrigger.SCHEDULED, dryRun: false, requestedBy: 'schedule' });
    expect(enqueued).toEqual([run.id]);

    await scheduler.enqueueSyncRun(run.id);
    await scheduler.enqueueSyncRun(run.id);
    expect((await agenda.queryJobs({ name: 'sync-run', data: { runId: run.id } })).total).toBe(1);

    const again = await runDistrictSchedule(app, d.id, async (runId) => void enqueued.push(runId));
    expect(again).toEqual({ created: false, runId: run.id, reason: `run ${run.id} is already SCHEDULED` });
    expect(enqueued).toHaveLength(1);
    await new SyncRunService(db.ds).markFailed(run.id, 'test over');
  });

  it('a paused or expired district gets no run', async () => {
    const app = jobsTestApp(db.ds);
    const paused = await district({ syncEnabled: false });
    const expired = await district({ syncExpiresAt: '2020-01-31', timezone: 'UTC' });
    const enqueue = async () => {
      throw new Error('must not enqueue');
    };
    expect(await runDistrictSchedule(app, paused.id, enqueue)).toMatchObject({ created: false, reason: expect.stringMatching(/paused/) });
    expect(await runDistrictSchedule(app, expired.id, enqueue)).toEqual({ created: false, reason: 'sync expired on 2020-01-31' });
    expect(await db.ds.getRepository(SyncRun).countBy({ districtId: paused.id })).toBe(0);
    expect(await db.ds.getRepository(SyncRun).countBy({ districtId: expired.id })).toBe(0);
  });
});

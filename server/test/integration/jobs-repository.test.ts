import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Agenda, type Job, type JobParameters, type JobRepository } from 'agenda';
import { createJobBackend } from '../../src/jobs/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const job = (overrides: Partial<JobParameters> & { name: string }): JobParameters => ({
  priority: 0,
  nextRunAt: new Date(),
  type: 'normal',
  data: {},
  ...overrides,
});

const scan = () => {
  const now = new Date();
  return { now, nextScanAt: new Date(now.getTime() + 5000), lockDeadline: new Date(now.getTime() - 600_000) };
};

describe.each(DIALECTS)('job repository on %s', (dialect) => {
  let db: TestDatabase;
  let repo: JobRepository;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const backend = createJobBackend(db.ds);
    await backend.connect();
    repo = backend.repository;
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    await repo.purgeAllJobs();
  });

  describe('saveJob', () => {
    it('inserts a job, assigns an id and keeps every attribute', async () => {
      const at = new Date(Date.now() + 1234);
      const saved = await repo.saveJob(
        job({ name: 'test-job', priority: 10, nextRunAt: at, data: { foo: 'bar', n: [1, 2] }, repeatInterval: 60000, repeatTimezone: 'UTC', skipDays: [0, 6] }),
        { lastModifiedBy: 'me' },
      );
      expect(saved._id).toMatch(/^\d+$/);
      expect(saved).toMatchObject({
        name: 'test-job',
        priority: 10,
        type: 'normal',
        data: { foo: 'bar', n: [1, 2] },
        repeatInterval: 60000,
        repeatTimezone: 'UTC',
        skipDays: [0, 6],
        lastModifiedBy: 'me',
        disabled: false,
      });
      expect(saved.nextRunAt?.getTime()).toBe(at.getTime());
      expect(await repo.getJobById(saved._id!)).toEqual(saved);
    });

    it('updates a job by id (config fields) and returns the input for a removed job', async () => {
      const saved = await repo.saveJob(job({ name: 'update-test', priority: 5, data: { version: 1 } }), undefined);
      const updated = await repo.saveJob({ ...saved, priority: 20, data: { version: 2 } }, undefined);
      expect(updated._id).toBe(saved._id);
      expect(updated).toMatchObject({ priority: 20, data: { version: 2 } });
      await repo.removeJobs({ id: saved._id });
      const ghost = { ...saved, priority: 1 };
      expect(await repo.saveJob(ghost, undefined)).toBe(ghost);
    });

    it('upserts type "single" jobs by name and protects a due nextRunAt', async () => {
      const first = await repo.saveJob(
        job({ name: 'single-job', type: 'single', priority: 5, nextRunAt: new Date(Date.now() + 60000), data: { run: 1 } }),
        undefined,
      );
      const second = await repo.saveJob(
        job({ name: 'single-job', type: 'single', priority: 10, nextRunAt: new Date(Date.now() + 120000), data: { run: 2 } }),
        undefined,
      );
      expect(second._id).toBe(first._id);
      expect(second).toMatchObject({ priority: 10, data: { run: 2 } });
      const pending = second.nextRunAt!.getTime();
      const third = await repo.saveJob(job({ name: 'single-job', type: 'single', nextRunAt: new Date(Date.now() - 1000), data: { run: 3 } }), undefined);
      expect(third.nextRunAt!.getTime()).toBe(pending);
      expect((await repo.queryJobs({ name: 'single-job' })).total).toBe(1);
    });

    it('upserts by a unique data key, and insertOnly keeps the existing job', async () => {
      const a = await repo.saveJob(job({ name: 'per-district', data: { districtId: 1, v: 1 }, unique: { 'data.districtId': 1 } }), undefined);
      const b = await repo.saveJob(job({ name: 'per-district', data: { districtId: 2, v: 1 }, unique: { 'data.districtId': 2 } }), undefined);
      const a2 = await repo.saveJob(job({ name: 'per-district', data: { districtId: 1, v: 2 }, unique: { 'data.districtId': 1 } }), undefined);
      expect(a2._id).toBe(a._id);
      expect(a2.data).toEqual({ districtId: 1, v: 2 });
      expect(b._id).not.toBe(a._id);
      const kept = await repo.saveJob(
        job({ name: 'per-district', data: { districtId: 2, v: 9 }, unique: { 'data.districtId': 2 }, uniqueOpts: { insertOnly: true } }),
        undefined,
      );
      expect(kept).toMatchObject({ _id: b._id, data: { districtId: 2, v: 1 } });
      expect((await repo.queryJobs({ name: 'per-district' })).total).toBe(2);
    });

    it('keeps one row under concurrent unique saves', async () => {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => repo.saveJob(job({ name: 'race', data: { key: 'k', i }, unique: { 'data.key': 'k' } }), undefined)),
      );
      expect((await repo.queryJobs({ name: 'race' })).total).toBe(1);
    });

    it('debounces: trailing saves push nextRunAt forward', async () => {
      const first = await repo.saveJob(
        job({ name: 'debounced', data: { k: 1 }, unique: { 'data.k': 1 }, uniqueOpts: { debounce: { delay: 5000 } } }),
        undefined,
      );
      expect(first.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 4000);
      expect(first.debounceStartedAt).toBeDefined();
      const second = await repo.saveJob(
        job({ name: 'debounced', data: { k: 1 }, unique: { 'data.k': 1 }, uniqueOpts: { debounce: { delay: 8000 } } }),
        undefined,
      );
      expect(second._id).toBe(first._id);
      expect(second.nextRunAt!.getTime()).toBeGreaterThan(first.nextRunAt!.getTime());
    });

    it('preserves the disabled flag', async () => {
      const saved = await repo.saveJob(job({ name: 'disabled-job', disabled: true }), undefined);
      expect(saved.disabled).toBe(true);
      expect((await repo.getJobById(saved._id!))?.disabled).toBe(true);
    });
  });

  describe('reads', () => {
    beforeEach(async () => {
      await repo.saveJob(job({ name: 'job-a', priority: 10, nextRunAt: new Date(Date.now() + 60000), data: { type: 'alpha', count: 1 } }), undefined);
      await repo.saveJob(job({ name: 'job-b', priority: 5, nextRunAt: new Date(Date.now() + 120000), data: { type: 'beta', count: 2 } }), undefined);
      await repo.saveJob(job({ name: 'job-a', priority: 15, nextRunAt: new Date(Date.now() + 180000), data: { type: 'alpha', count: 3 } }), undefined);
    });

    it('queries by name, names, search, data, pagination and disabled', async () => {
      expect((await repo.queryJobs()).total).toBe(3);
      const byName = await repo.queryJobs({ name: 'job-a' });
      expect(byName.total).toBe(2);
      expect(byName.jobs.every((j) => j.name === 'job-a')).toBe(true);
      expect((await repo.queryJobs({ names: ['job-a', 'job-b'] })).total).toBe(3);
      expect((await repo.queryJobs({ search: 'JOB' })).total).toBe(3);
      expect((await repo.queryJobs({ search: '-b' })).total).toBe(1);
      expect((await repo.queryJobs({ data: { type: 'alpha' } })).total).toBe(2);
      const page = await repo.queryJobs({ skip: 1, limit: 1 });
      expect(page.jobs).toHaveLength(1);
      expect(page.total).toBe(3);
      await repo.saveJob(job({ name: 'disabled-job', disabled: true }), undefined);
      expect((await repo.queryJobs({ includeDisabled: true })).total).toBe(4);
      expect((await repo.queryJobs({ includeDisabled: false })).total).toBe(3);
      expect((await repo.queryJobs({ state: 'paused' })).total).toBe(1);
    });

    it('sorts (default nextRunAt desc; explicit priority) and computes states', async () => {
      const all = await repo.queryJobs();
      expect(all.jobs.map((j) => j.priority)).toEqual([15, 5, 10]);
      expect(all.jobs.every((j) => j.state === 'scheduled')).toBe(true);
      const byPriority = await repo.queryJobs({ sort: { priority: 'asc' } });
      expect(byPriority.jobs.map((j) => j.priority)).toEqual([5, 10, 15]);
      const one = all.jobs[0];
      expect((await repo.queryJobs({ id: one._id })).jobs[0]._id).toBe(one._id);
      expect((await repo.queryJobs({ ids: [one._id, 'nope'] })).total).toBe(1);
    });

    it('lists distinct names and an overview per name', async () => {
      expect(await repo.getDistinctJobNames()).toEqual(['job-a', 'job-b']);
      await repo.saveJob(job({ name: 'job-b', nextRunAt: null, lastFinishedAt: new Date() }), undefined);
      const overview = await repo.getJobsOverview();
      const b = overview.find((o) => o.name === 'job-b')!;
      expect(b).toMatchObject({ total: 2, scheduled: 1, completed: 1 });
    });
  });

  it('counts the queue: only jobs due now', async () => {
    await repo.saveJob(job({ name: 'past-1', nextRunAt: new Date(Date.now() - 60000) }), undefined);
    await repo.saveJob(job({ name: 'past-2', nextRunAt: new Date(Date.now() - 30000) }), undefined);
    await repo.saveJob(job({ name: 'future', nextRunAt: new Date(Date.now() + 60000) }), undefined);
    expect(await repo.getQueueSize()).toBe(2);
  });

  it('removes, disables and enables by id, ids, name, names, notNames and data', async () => {
    const a = await repo.saveJob(job({ name: 'r1', data: { tag: 'x' } }), undefined);
    const b = await repo.saveJob(job({ name: 'r1', data: { tag: 'y' } }), undefined);
    const c = await repo.saveJob(job({ name: 'r2', data: { tag: 'x' } }), undefined);
    await repo.saveJob(job({ name: 'keep' }), undefined);
    expect(await repo.removeJobs({})).toBe(0);
    expect(await repo.disableJobs({ data: { tag: 'x' } })).toBe(2);
    expect((await repo.getJobById(a._id!))?.disabled).toBe(true);
    expect((await repo.getJobById(b._id!))?.disabled).toBe(false);
    expect(await repo.enableJobs({ name: 'r1' })).toBe(2);
    expect(await repo.disableJobs({ notNames: ['keep'] })).toBe(3);
    expect(await repo.enableJobs({ ids: [a._id!, c._id!] })).toBe(2);
    expect(await repo.removeJobs({ name: 'r1', data: { tag: 'y' } })).toBe(1);
    expect(await repo.removeJobs({ names: ['r1', 'r2'] })).toBe(2);
    expect(await repo.removeJobs({ name: 'non-existent' })).toBe(0);
    expect(await repo.getJobById(a._id!)).toBeNull();
    expect(await repo.getJobById('not-an-id')).toBeNull();
    expect(await repo.purgeAllJobs()).toBe(1);
  });

  describe('locking', () => {
    it('locks once, unlocks, and unlocks many', async () => {
      const saved = await repo.saveJob(job({ name: 'lock-test', nextRunAt: new Date(Date.now() - 1000) }), undefined);
      const locked = await repo.lockJob(saved, { lastModifiedBy: 'w1' });
      expect(locked?._id).toBe(saved._id);
      expect(locked?.lockedAt).toBeInstanceOf(Date);
      expect(locked?.lastModifiedBy).toBe('w1');
      expect(await repo.lockJob(saved, undefined)).toBeUndefined();
      await repo.unlockJob(locked!);
      expect((await repo.getJobById(saved._id!))?.lockedAt).toBeUndefined();

      const other = await repo.saveJob(job({ name: 'lock-test', nextRunAt: new Date(Date.now() - 1000) }), undefined);
      await repo.lockJob(saved, undefined);
      await repo.lockJob(other, undefined);
      await repo.unlockJobs([saved._id!, other._id!]);
      expect((await repo.getJobById(saved._id!))?.lockedAt).toBeUndefined();
      expect((await repo.getJobById(other._id!))?.lockedAt).toBeUndefined();
    });

    it('does not lock a disabled job or one whose nextRunAt changed', async () => {
      const disabled = await repo.saveJob(job({ name: 'l', disabled: true }), undefined);
      expect(await repo.lockJob(disabled, undefined)).toBeUndefined();
      const moved = await repo.saveJob(job({ name: 'l', nextRunAt: new Date(Date.now() - 1000) }), undefined);
      await repo.saveJob({ ...moved, nextRunAt: new Date(Date.now() + 5000) }, undefined);
      expect(await repo.lockJob(moved, undefined)).toBeUndefined();
    });

    it('keeps the lock of a running job (nextRunAt null) on unlockJob', async () => {
      const running = await repo.saveJob(job({ name: 'running', nextRunAt: new Date(Date.now() - 1000) }), undefined);
      const locked = await repo.lockJob(running, undefined);
      await repo.saveJobState({ ...locked!, nextRunAt: null, lastRunAt: new Date() }, undefined);
      await repo.unlockJob(locked!);
      expect((await repo.getJobById(running._id!))?.lockedAt).toBeInstanceOf(Date);
    });
  });

  describe('getNextJobToRun', () => {
    it('picks the due job with the earliest nextRunAt, then the highest priority', async () => {
      const same = new Date(Date.now() - 60000);
      await repo.saveJob(job({ name: 'p', priority: 5, nextRunAt: same, data: { priority: 'low' } }), undefined);
      await repo.saveJob(job({ name: 'p', priority: 10, nextRunAt: same, data: { priority: 'high' } }), undefined);
      await repo.saveJob(job({ name: 'p', priority: 99, nextRunAt: new Date(Date.now() + 60000) }), undefined);
      const { now, nextScanAt, lockDeadline } = scan();
      const first = await repo.getNextJobToRun('p', nextScanAt, lockDeadline, now, { lastModifiedBy: 'w' });
      expect(first).toMatchObject({ priority: 10, data: { priority: 'high' }, lastModifiedBy: 'w' });
      expect(first!.lockedAt?.getTime()).toBe(now.getTime());
      const second = await repo.getNextJobToRun('p', nextScanAt, lockDeadline, now, undefined);
      expect(second?.priority).toBe(5);
      expect(await repo.getNextJobToRun('p', nextScanAt, lockDeadline, now, undefined)).toBeUndefined();
    });

    it('skips disabled and future jobs, and takes over an expired lock', async () => {
      await repo.saveJob(job({ name: 'd', disabled: true, nextRunAt: new Date(Date.now() - 60000) }), undefined);
      await repo.saveJob(job({ name: 'f', nextRunAt: new Date(Date.now() + 60000) }), undefined);
      const { now, nextScanAt, lockDeadline } = scan();
      expect(await repo.getNextJobToRun('d', nextScanAt, lockDeadline, now, undefined)).toBeUndefined();
      expect(await repo.getNextJobToRun('f', nextScanAt, lockDeadline, now, undefined)).toBeUndefined();

      const crashed = await repo.saveJob(job({ name: 'crashed', nextRunAt: new Date(Date.now() - 60000) }), undefined);
      const locked = await repo.lockJob(crashed, undefined);
      // The worker started running it (one-off job: nextRunAt null) and died.
      await repo.saveJobState({ ...locked!, nextRunAt: null, lockedAt: new Date(Date.now() - 10_000) }, undefined);
      expect(await repo.getNextJobToRun('crashed', nextScanAt, new Date(Date.now() - 20_000), now, undefined)).toBeUndefined();
      const taken = await repo.getNextJobToRun('crashed', nextScanAt, new Date(Date.now() - 5_000), now, undefined);
      expect(taken?._id).toBe(crashed._id);
    });

    it('hands each job to exactly one of many concurrent callers', async () => {
      for (let i = 0; i < 20; i++) await repo.saveJob(job({ name: 'many', nextRunAt: new Date(Date.now() - 1000), data: { i } }), undefined);
      const { now, nextScanAt, lockDeadline } = scan();
      const got = await Promise.all(Array.from({ length: 30 }, () => repo.getNextJobToRun('many', nextScanAt, lockDeadline, now, undefined)));
      const ids = got.filter(Boolean).map((j) => j!._id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });
  });

  describe('saveJobState', () => {
    it('writes execution state and clears the lock', async () => {
      const saved = await repo.saveJob(job({ name: 'state-test', nextRunAt: new Date(Date.now() - 1000) }), undefined);
      const locked = await repo.lockJob(saved, undefined);
      const now = new Date();
      await repo.saveJobState(
        { ...locked!, lockedAt: undefined, lastRunAt: now, lastFinishedAt: now, progress: 50, failCount: 1, failReason: 'Test error', failedAt: now },
        undefined,
      );
      const got = await repo.getJobById(saved._id!);
      expect(got).toMatchObject({ progress: 50, failCount: 1, failReason: 'Test error' });
      expect(got!.lockedAt).toBeUndefined();
      expect(got!.lastRunAt?.getTime()).toBe(now.getTime());
      expect(got!.failedAt?.getTime()).toBe(now.getTime());
      await expect(repo.saveJobState({ ...saved, _id: '999999' as never }, undefined)).rejects.toThrow(/cannot be updated/);
    });
  });

  describe('with a real Agenda', () => {
    const agendas: Agenda[] = [];
    const newAgenda = async (options: Partial<ConstructorParameters<typeof Agenda>[0]> = {}) => {
      const agenda = new Agenda({ backend: createJobBackend(db.ds), processEvery: 100, ...options });
      agendas.push(agenda);
      await agenda.ready;
      return agenda;
    };
    afterEach(async () => {
      for (const a of agendas.splice(0)) await a.stop(false);
    });

    it.each([
      ['an object', { status: 503 }, '{"status":503}'],
      ['an object with a message', { message: 'upstream refused', code: 7 }, 'upstream refused'],
      ['a string', 'plain words', 'plain words'],
      ['a number', 42, '42'],
    ])(
      'a job rejecting with %s fails once, with a readable reason, and ends',
      async (_what, thrown, reason) => {
        const agenda = await newAgenda({ defaultLockLifetime: 1000 });
        let runs = 0;
        agenda.define('rejects', async () => {
          runs++;
          throw thrown;
        });
        const saved = await agenda.now('rejects', {});
        await agenda.start();
        await new Promise((r) => setTimeout(r, 3500)); // more than three lock lifetimes
        expect(runs).toBe(1);
        const stored = await repo.getJobById(String(saved.attrs._id));
        expect(stored).toMatchObject({ failReason: reason, failCount: 1 });
        expect(stored!.lockedAt).toBeUndefined();
        expect(stored!.nextRunAt ?? null).toBeNull();
      },
      10_000,
    );

    it('locks quickly: 90 of 250 queued jobs are running within 2.5 s', async () => {
      const agenda = await newAgenda({ maxConcurrency: 250, defaultConcurrency: 250 });
      let started = 0;
      let release!: () => void;
      const hold = new Promise<void>((r) => (release = r));
      agenda.define('slow', async (_job: Job) => {
        started++;
        await hold;
      });
      for (let i = 0; i < 250; i++) await repo.saveJob(job({ name: 'slow', nextRunAt: new Date(Date.now() - 1000), data: { i } }), undefined);
      const t0 = Date.now();
      await agenda.start();
      await new Promise((r) => setTimeout(r, 2500));
      const running = started;
      release();
      console.log(`${dialect}: ${running} of 250 jobs running ${Date.now() - t0} ms after start`);
      expect(running).toBeGreaterThanOrEqual(90);
    }, 20_000);
  });

  it('can use another table, created like agenda_job', async () => {
    const backend = createJobBackend(db.ds, { tableName: 'agenda_job_other' });
    await backend.connect();
    await backend.repository.saveJob(job({ name: 'elsewhere' }), undefined);
    expect(await backend.repository.getDistinctJobNames()).toEqual(['elsewhere']);
    expect(await repo.getDistinctJobNames()).toEqual([]);
  });
});

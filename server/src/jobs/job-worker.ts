import { hostname } from 'node:os';
import { Agenda, type Job } from 'agenda';
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { AppContext } from '../app-context.js';
import { notifyRunFinished } from '../notify/run-notifier.js';
import { SyncStatus } from '../sync/sync-enums.js';
import { SyncRun } from '../sync/sync-run.entity.js';
import { heartbeatPolicy, runServiceFor } from '../sync/run-recovery.js';
import { cleanupJob } from './definitions/cleanup.job.js';
import { districtScheduleJob } from './definitions/district-schedule.job.js';
import { RunningRuns, syncRunJob, type ExecuteRun } from './definitions/sync-run.job.js';
import { createJobBackend } from './backend/job-backend.js';
import { JobScheduler } from './job-scheduler.service.js';
import { JOB_NAMES, type JobPayloads } from './job-types.js';

export interface WorkerOptions {
  /** Jobs run at once by this process (default WORKER_CONCURRENCY, 4). */
  concurrency?: number;
  /** A job whose lock is older than this is taken over by another worker (default JOB_LOCK_LIFETIME_SECONDS, 30 s). */
  lockLifetimeMs?: number;
  /** Polling interval for due jobs (default JOB_POLL_SECONDS, 5 s); notifications wake workers sooner. */
  processEveryMs?: number;
  /** Retention of sync changes/issues for the nightly cleanup (default RUN_DETAIL_RETENTION_DAYS). */
  retentionDays?: number;
  /** Instance name shown as the jobs' lastModifiedBy (default host:pid). */
  name?: string;
  /** Replaces the sync engine (tests). */
  executeRun?: ExecuteRun;
  /** Extra definitions (tests): called before the worker starts. */
  define?: (agenda: Agenda) => void;
  /** Keep district jobs in step with the districts table every this many ms (default 60 s; 0 = only at start). */
  reconcileEveryMs?: number;
}

export interface JobWorker {
  agenda: Agenda;
  scheduler: JobScheduler;
  /**
   * Stops taking jobs, lets running jobs finish within `graceMs` (default 30 s); sync runs
   * still running then are marked FAILED "interrupted" and aborted.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface JobClient {
  scheduler: JobScheduler;
  enqueueSyncRun(runId: number): Promise<void>;
  close(): Promise<void>;
}

const workers = new Map<DataSource, JobWorker>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function createAgenda(app: AppContext, options: WorkerOptions = {}): Agenda {
  const concurrency = options.concurrency ?? app.config.workerConcurrency ?? 4;
  return new Agenda({
    backend: createJobBackend(app.ds, { redisUrl: app.config.redisUrl }),
    name: options.name ?? `${hostname()}:${process.pid}`,
    processEvery: options.processEveryMs ?? app.config.jobPollMs ?? 5000,
    defaultLockLifetime: lockLifetimeOf(app, options),
    maxConcurrency: concurrency,
    defaultConcurrency: concurrency,
    // A worker locks only what it can run now: without a limit one worker locks every due
    // job into its local queue and the other workers stay idle (and a dead worker's queued
    // jobs stay locked for a lock lifetime).
    lockLimit: concurrency,
    defaultLockLimit: concurrency,
  });
}

function lockLifetimeOf(app: AppContext, options: WorkerOptions): number {
  return options.lockLifetimeMs ?? app.config.jobLockLifetimeMs ?? 30_000;
}

async function defaultExecuteRun(app: AppContext, runId: number, options: { signal?: AbortSignal }): Promise<unknown> {
  // A thread of its own: the API served by this process never waits for a sync.
  const { executeSyncRunInThread } = await import('../sync/sync-thread.js');
  return executeSyncRunInThread(app, runId, options);
}

/**
 * Worker bookkeeping (at start and on the reconcile timer): a run IN_PROGRESS whose process
 * stopped beating, or whose sync-run job lock has expired, lost its process, so it is marked
 * FAILED "interrupted" — without waiting out the job lock when the heartbeat already says so;
 * a SCHEDULED run without a job (its enqueue never happened) is enqueued.
 */
export async function recoverRuns(
  app: AppContext,
  agenda: Agenda,
  scheduler: JobScheduler,
  lockLifetimeMs: number,
): Promise<{ interrupted: number[]; enqueued: number[] }> {
  const runs = await app.ds.getRepository(SyncRun).find({
    where: { status: In([SyncStatus.IN_PROGRESS, SyncStatus.SCHEDULED]) },
    select: { id: true, status: true, heartbeatAt: true, startedAt: true, createdAt: true },
  });
  const interrupted: number[] = [];
  const enqueued: number[] = [];
  const deadline = Date.now() - lockLifetimeMs;
  const service = runServiceFor(app);
  for (const run of runs) {
    const { jobs } = await agenda.queryJobs({ name: JOB_NAMES.syncRun, data: { runId: run.id } });
    const job = jobs[0];
    if (run.status === SyncStatus.IN_PROGRESS) {
      // The heartbeat tells whether the executing process lives, queued or not (CLI --wait);
      // an expired job lock says its worker is gone too.
      if (await service.recoverIfStale(run)) {
        interrupted.push(run.id);
      } else if (job && (!job.lockedAt || job.lockedAt.getTime() < deadline) && (await service.interrupt(run.id))) {
        await notifyRunFinished(app, run.id).catch((err) => app.logger.error({ err, runId: run.id }, 'sync email failed'));
        interrupted.push(run.id);
      }
    } else if (!job && run.createdAt.getTime() < Date.now() - 30_000) {
      // (A run seconds old may be about to be executed in place by `homeroom sync --wait`.)
      await scheduler.enqueueSyncRun(run.id);
      enqueued.push(run.id);
    }
  }
  if (interrupted.length || enqueued.length) app.logger.warn({ interrupted, enqueued }, 'recovered sync runs at worker start');
  return { interrupted, enqueued };
}

/** Starts a job worker for `homeroom serve --role worker|all`. */
export async function startWorker(app: AppContext, options: WorkerOptions = {}): Promise<JobWorker> {
  const lockLifetimeMs = lockLifetimeOf(app, options);
  const agenda = createAgenda(app, options);
  const scheduler = new JobScheduler(agenda, app.ds);
  const running = new RunningRuns();
  const active = new Set<string>();
  // With Redis, Agenda re-emits other processes' job events here with `remote` = true and a
  // notification instead of a Job: only this process's own jobs are tracked and logged
  // (reading job.attrs of a remote event crashed the other workers).
  agenda.on('start', (job: Job, remote?: boolean) => void (remote !== true && active.add(String(job.attrs._id))));
  agenda.on('complete', (job: Job, remote?: boolean) => void (remote !== true && active.delete(String(job.attrs._id))));
  agenda.on('fail', (error: Error, job: Job, remote?: boolean) => {
    if (remote !== true) app.logger.error({ err: error, job: job.attrs.name, jobId: job.attrs._id }, 'job failed');
  });
  // Agenda emits 'error' for a failed lock or queue fill; without a listener the emit throws
  // and the worker process dies.
  agenda.on('error', (error: unknown) => app.logger.error({ err: error }, 'job queue error'));

  agenda.define<JobPayloads['sync-run']>(JOB_NAMES.syncRun, syncRunJob(app, options.executeRun ?? defaultExecuteRun, running, lockLifetimeMs), {
    removeOnComplete: true,
  });
  agenda.define<JobPayloads['district-schedule']>(
    JOB_NAMES.districtSchedule,
    districtScheduleJob(app, (runId) => scheduler.enqueueSyncRun(runId)),
  );
  agenda.define<JobPayloads['cleanup']>(JOB_NAMES.cleanup, cleanupJob(app), { concurrency: 1 });
  options.define?.(agenda);

  await agenda.ready;
  await recoverRuns(app, agenda, scheduler, lockLifetimeMs);
  // Staging tables of runs a dead process left behind.
  const { dropLeftoverStageTables } = await import('../sync/engine/stage-tables.js');
  await dropLeftoverStageTables(app.ds).catch((e) => app.logger.warn({ err: String(e) }, 'could not drop leftover staging tables'));
  await scheduler.syncDistrictSchedules();
  await scheduler.scheduleCleanup(options.retentionDays ?? app.config.runDetailRetentionDays);
  await agenda.start();

  const reconcileEvery = options.reconcileEveryMs ?? 60_000;
  const reconcile =
    reconcileEvery > 0
      ? setInterval(() => {
          void scheduler.syncDistrictSchedules().catch((e) => app.logger.warn({ err: e }, 'district schedule sync failed'));
          void recoverRuns(app, agenda, scheduler, lockLifetimeMs).catch((e) => app.logger.warn({ err: e }, 'run recovery failed'));
        }, reconcileEvery)
      : undefined;
  reconcile?.unref();
  // Runs whose process died are recovered within RUN_HEARTBEAT_TIMEOUT_SECONDS of their last beat.
  const runs = runServiceFor(app);
  const recovery = setInterval(
    () => void runs.recoverStaleRuns().catch((e) => app.logger.warn({ err: e }, 'run recovery failed')),
    heartbeatPolicy(app.config).checkEveryMs,
  );
  recovery.unref();
  app.logger.info({ name: agenda.attrs.name, redis: Boolean(app.config.redisUrl) }, 'job worker started');

  let stopping: Promise<void> | undefined;
  const worker: JobWorker = {
    agenda,
    scheduler,
    stop(graceMs = 30_000) {
      stopping ??= (async () => {
        if (reconcile) clearInterval(reconcile);
        clearInterval(recovery);
        await agenda.stop(false);
        const until = Date.now() + graceMs;
        while (active.size > 0 && Date.now() < until) await sleep(50);
        const left = running.ids();
        if (left.length) {
          await Promise.race([running.abortAll('interrupted'), sleep(5000)]);
          // The engine records an aborted run as CANCELLED; an unfinished run at shutdown is an
          // interruption. Marked only if the database says it is unfinished: a run whose apply
          // committed stays LAUNCHED.
          for (const runId of left) await runs.interruptAtShutdown(runId);
          for (const runId of left) await notifyRunFinished(app, runId).catch((err) => app.logger.error({ err, runId }, 'sync email failed'));
          app.logger.warn({ runs: left }, 'sync runs interrupted by shutdown');
        }
        workers.delete(app.ds);
        app.logger.info('job worker stopped');
      })();
      return stopping;
    },
  };
  workers.set(app.ds, worker);
  return worker;
}

/**
 * For processes that only enqueue (the API): no job processing. Inside a process that also
 * runs a worker it shares the worker's Agenda, so notifications stay in-process; with Redis
 * its saves notify the workers of every process at once.
 */
export async function createJobClient(app: AppContext): Promise<JobClient> {
  const worker = workers.get(app.ds);
  if (worker) {
    return { scheduler: worker.scheduler, enqueueSyncRun: (id) => worker.scheduler.enqueueSyncRun(id), close: async () => undefined };
  }
  const backend = createJobBackend(app.ds, { redisUrl: app.config.redisUrl });
  const agenda = new Agenda({ backend, name: `${hostname()}:${process.pid}:client` });
  await agenda.ready;
  // Agenda connects its notification channel only in start(); a client never starts, so
  // connect it here or its saves would notify nobody.
  if (app.config.redisUrl) await backend.notificationChannel?.connect();
  const scheduler = new JobScheduler(agenda, app.ds);
  return {
    scheduler,
    enqueueSyncRun: (id) => scheduler.enqueueSyncRun(id),
    close: async () => {
      await backend.notificationChannel?.disconnect();
    },
  };
}

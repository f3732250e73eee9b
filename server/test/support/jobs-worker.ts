// A job worker in its own process, for the multi-process job tests. Environment:
//   DATABASE_URL, RECORD_FILE (one line per execution: "<job> <id> <pid> <ms>"),
//   LOCK_LIFETIME_MS, PROCESS_EVERY_MS, CONCURRENCY, REDIS_URL, HANG_RUNS=1 (sync-run claims the
//   run and never finishes: a worker to kill -9), RUN_HEARTBEAT_TIMEOUT_SECONDS.
// Prints "ready" when started; SIGTERM stops it (grace 2 s) and exits.
import { appendFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/data-source.js';
import { startWorker } from '../../src/jobs/index.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { jobsTestApp } from './jobs-app.js';

const env = process.env;
const record = (line: string) => appendFileSync(env.RECORD_FILE!, `${line} ${process.pid} ${Date.now()}\n`);
const ds = await openDatabase(env.DATABASE_URL!, { migrate: false });
const app = jobsTestApp(ds, {
  databaseUrl: env.DATABASE_URL!,
  redisUrl: env.REDIS_URL || null,
  runHeartbeatTimeoutSeconds: Number(env.RUN_HEARTBEAT_TIMEOUT_SECONDS ?? 60),
});

const worker = await startWorker(app, {
  lockLifetimeMs: Number(env.LOCK_LIFETIME_MS ?? 3000),
  processEveryMs: Number(env.PROCESS_EVERY_MS ?? 200),
  concurrency: Number(env.CONCURRENCY ?? 5),
  reconcileEveryMs: 0,
  executeRun: env.HANG_RUNS
    ? async (_app, runId) => {
        await new SyncRunService(ds).claim(runId);
        record(`run-started ${runId}`);
        await new Promise(() => undefined);
      }
    : undefined,
  define(agenda) {
    agenda.define<{ n: number }>('test-record', async (job) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      record(`test-record ${job.attrs.data.n}`);
    });
  },
});
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void worker.stop(2000).finally(async () => {
    await ds.destroy().catch(() => undefined);
    process.exit(0);
  });
});

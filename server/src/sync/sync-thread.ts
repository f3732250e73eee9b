import { Worker } from 'node:worker_threads';
import type { AppContext } from '../app-context.js';
import { databaseUrlOf } from '../db/database-url.js';
import { SYNC_RUN_UPDATED, type SyncRunUpdate } from '../events/pubsub.js';
import type { SyncRun } from './sync-run.entity.js';
import { FailureCode, SyncStatus } from './sync-enums.js';
import { SyncRunService } from './sync-run.service.js';

/** Messages from a sync thread to the process that started it. */
export type SyncThreadMessage =
  | { type: 'update'; update: SyncRunUpdate }
  /** The run ended: the starting process runs its hooks (the email), which the thread does not have. */
  | { type: 'finished'; runId: number }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/**
 * The thread's entry: the built .js beside this file, or the TypeScript source when running
 * from a checkout (compiled in the thread by SWC, which keeps decorator metadata).
 */
function threadEntry(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./sync-thread.entry.ts', here), execArgv: ['--import', '@swc-node/register/esm-register'] };
  return { url: new URL('./sync-thread.entry.js', here), execArgv: [] };
}

/** `--import X` pairs once each: a process started with the SWC loader passes it on already. */
function withoutDuplicates(args: string[]): string[] {
  const out: string[] = [];
  const imports = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--import' && i + 1 < args.length) {
      if (!imports.has(args[i + 1])) out.push('--import', args[i + 1]);
      imports.add(args[++i]);
    } else out.push(args[i]);
  }
  return out;
}

/**
 * Executes a run in a worker thread with its own database connection, so the sync's CPU
 * work and synchronous SQLite calls never hold the event loop that serves HTTP and
 * WebSocket. Progress events come back here and are published on the app's PubSub;
 * cancel and the heartbeat work through the database as in-process.
 */
export async function executeSyncRunInThread(app: AppContext, runId: number, options: { signal?: AbortSignal } = {}): Promise<SyncRun> {
  const queued = await new SyncRunService(app.ds).get(runId);
  // Only a queued run has work to do; the rest (a dead worker's run, one already ended) is
  // bookkeeping the executor does at once, without a thread.
  if (!queued || queued.status !== SyncStatus.SCHEDULED) {
    const { executeSyncRun } = await import('./sync-run.executor.js');
    return executeSyncRun(app, runId, options);
  }
  const { url, execArgv } = threadEntry();
  const worker = new Worker(url, {
    // Left alone, V8 lets a busy thread's heap grow far past what one batch needs.
    resourceLimits: { maxOldGenerationSizeMb: app.config.syncThreadHeapMb },
    // The database this process has open (a test's settings may name another).
    workerData: { runId, config: { ...app.config, databaseUrl: databaseUrlOf(app.ds.options as never) } },
    execArgv: withoutDuplicates([...process.execArgv.filter((a) => !a.startsWith('--input-type')), ...execArgv]),
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? new URL('../../tsconfig.json', import.meta.url).pathname },
  });
  const abort = () => worker.postMessage({ type: 'abort', reason: (options.signal?.reason as Error | undefined)?.message ?? 'The worker is shutting down' });
  options.signal?.addEventListener('abort', abort, { once: true });
  const finished: Array<Promise<void>> = [];
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: SyncThreadMessage) => {
        if (m.type === 'update') void app.pubsub.publish(SYNC_RUN_UPDATED, m.update);
        else if (m.type === 'finished')
          finished.push(app.hooks?.runFinished(app, m.runId).catch((err) => app.logger.error({ err, runId }, 'sync email failed')) ?? Promise.resolve());
        else if (m.type === 'done') resolve();
        else if (m.type === 'failed') reject(new Error(m.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sync thread exited with code ${code}`))));
    });
  } catch (err) {
    // The thread died (it could not start, or crashed): the run must not stay active.
    app.logger.error({ err, runId }, 'sync thread failed');
    const runs = new SyncRunService(app.ds);
    const left = await runs.get(runId);
    if (left && (left.status === SyncStatus.SCHEDULED || left.status === SyncStatus.IN_PROGRESS)) {
      const outOfMemory = (err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const error = outOfMemory
        ? `the sync ran out of memory (SYNC_THREAD_HEAP_MB is ${app.config.syncThreadHeapMb}); nothing was changed`
        : 'the sync stopped unexpectedly; nothing was changed';
      await runs.finish(runId, SyncStatus.FAILED, { error, failureCode: FailureCode.INTERNAL, phase: null });
    }
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await worker.terminate().catch(() => undefined);
    await Promise.all(finished);
  }
  const run = await new SyncRunService(app.ds).get(runId);
  if (!run) throw new Error(`No sync run ${runId}`);
  return run;
}

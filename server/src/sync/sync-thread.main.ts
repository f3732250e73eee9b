import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppContext, AppHooks } from '../app-context.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/data-source.js';
import { createLogger } from '../logger.js';
import type { HomeroomPubSub, SyncRunUpdate } from '../events/pubsub.js';
import { executeSyncRun } from './sync-run.executor.js';
import type { SyncThreadMessage } from './sync-thread.js';

// The thread side of executeSyncRunInThread (loaded by sync-thread.entry.ts once the thread's
// priority is lowered): one run, its own connection, events posted back.
const post = (m: SyncThreadMessage) => parentPort!.postMessage(m);

/** Runs the thread's run; `niceError`: why its priority could not be lowered, if it could not. */
export async function main(started: number, niceError: unknown): Promise<void> {
  // The starting process's settings, so the thread uses the same database and secrets.
  const given = workerData.config as Config;
  const config: Config = { ...given, secretKey: Buffer.from(given.secretKey) };
  const logger = createLogger(config.logLevel).child({ thread: 'sync' });
  if (niceError) logger.warn({ err: niceError }, 'could not lower the sync thread priority');
  const ds = await openDatabase(config.databaseUrl, { migrate: false });
  const pubsub = {
    publish: (_topic: string, update: SyncRunUpdate) => post({ type: 'update', update }),
    subscribe: () => {
      throw new Error('a sync thread does not subscribe');
    },
  } as unknown as HomeroomPubSub;
  // The hooks run in the starting process (it has them wired); the executor changes no district.
  const hooks: AppHooks = {
    runFinished: async (_app, runId) => post({ type: 'finished', runId }),
    districtChanged: async () => null,
  };
  const app: AppContext = { config, ds, logger, pubsub, hooks };
  const controller = new AbortController();
  parentPort!.on('message', (m: { type: string; reason?: string }) => {
    if (m.type === 'abort') controller.abort(new Error(m.reason ?? 'The worker is shutting down'));
  });
  logger.debug({ seconds: Math.round(performance.now() - started) / 1000 }, 'sync thread ready');
  try {
    await executeSyncRun(app, Number(workerData.runId), { signal: controller.signal });
  } finally {
    await ds.destroy();
  }
}

/** Reports the run's end to the starting thread and ends this one. */
export function finish(): void {
  post({ type: 'done' });
  process.exit(0);
}

export function fail(err: unknown): void {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

import type { Job } from 'agenda';
import type { AppContext } from '../../app-context.js';
import type { JobPayloads } from '../job-types.js';

export type ExecuteRun = (app: AppContext, runId: number, options: { signal?: AbortSignal }) => Promise<unknown>;

/** Runs being executed by this process, so that a shutdown can interrupt them. */
export class RunningRuns {
  private readonly runs = new Map<number, { controller: AbortController; done: Promise<unknown> }>();

  add(runId: number, controller: AbortController, done: Promise<unknown>): void {
    this.runs.set(runId, { controller, done });
    void done.finally(() => this.runs.delete(runId)).catch(() => undefined);
  }

  ids(): number[] {
    return [...this.runs.keys()];
  }

  abortAll(reason: string): Promise<unknown[]> {
    const pending = [...this.runs.values()];
    for (const r of pending) r.controller.abort(new Error(reason));
    return Promise.allSettled(pending.map((r) => r.done));
  }
}

/**
 * `sync-run`: executes one SyncRun row through the sync engine. The job's lock is renewed
 * while the run lasts, so only a dead worker's run is ever taken over; the engine marks a
 * run it finds IN_PROGRESS (its worker died) FAILED "interrupted".
 */
export function syncRunJob(app: AppContext, executeRun: ExecuteRun, running: RunningRuns, lockLifetimeMs: number) {
  return async (job: Job<JobPayloads['sync-run']>): Promise<void> => {
    const { runId } = job.attrs.data;
    const heartbeat = setInterval(() => void job.touch().catch(() => undefined), Math.max(250, Math.floor(lockLifetimeMs / 3)));
    const controller = new AbortController();
    const done = executeRun(app, runId, { signal: controller.signal });
    running.add(runId, controller, done);
    try {
      await done;
    } finally {
      clearInterval(heartbeat);
    }
  };
}

import type { AppContext } from '../app-context.js';

/** Hands a SCHEDULED run to whatever executes runs. */
export interface SyncLauncher {
  launch(runId: number): Promise<void>;
  close(): Promise<void>;
}

/** Runs the run in this process, in the background (tests, single-process tools). */
export class InProcessLauncher implements SyncLauncher {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly app: AppContext) {}

  async launch(runId: number): Promise<void> {
    const p = import('./sync-run.executor.js')
      .then(({ executeSyncRun }) => executeSyncRun(this.app, runId))
      .catch((err) => this.app.logger.error({ err, runId }, 'in-process sync run failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Waits for runs started here. */
  async close(): Promise<void> {
    await Promise.all([...this.running]);
  }
}

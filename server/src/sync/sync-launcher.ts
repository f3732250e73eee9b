import type { AppContext } from '../app-context.js';

/** Hands a SCHEDULED run to whatever executes runs. */
export interface SyncLauncher {
  launch(runId: number): Promise<void>;
  close(): Promise<void>;
}

/** The production launcher: a `sync-run` job for the workers (DESIGN §2). The job client is opened on first use. */
export class JobQueueLauncher implements SyncLauncher {
  private client: Promise<{ enqueueSyncRun(runId: number): Promise<void>; close(): Promise<void> }> | null = null;

  constructor(private readonly app: AppContext) {}

  async launch(runId: number): Promise<void> {
    this.client ??= import('../jobs/index.js').then((jobs) => jobs.createJobClient(this.app));
    await (await this.client).enqueueSyncRun(runId);
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client.catch(() => null))?.close();
  }
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

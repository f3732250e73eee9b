import type { AppContext } from '../app-context.js';
import type { SyncLauncher } from '../sync/sync-launcher.js';
import { createJobClient } from './job-worker.js';

/** The production launcher: a `sync-run` job for the workers (docs/ARCHITECTURE.md, the life of a sync run). The job client is opened on first use. */
export class JobQueueLauncher implements SyncLauncher {
  private client: Promise<{ enqueueSyncRun(runId: number): Promise<void>; close(): Promise<void> }> | null = null;

  constructor(private readonly app: AppContext) {}

  async launch(runId: number): Promise<void> {
    this.client ??= createJobClient(this.app);
    await (await this.client).enqueueSyncRun(runId);
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client.catch(() => null))?.close();
  }
}

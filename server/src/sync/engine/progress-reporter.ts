import type { DataSource } from 'typeorm';
import type { EntityType } from '../../roster/roster-enums.js';
import { SYNC_RUN_UPDATED, type HomeroomPubSub } from '../../events/pubsub.js';
import { SyncStatus, type SyncPhase } from '../sync-enums.js';
import { SyncRun, type RunProgress } from '../sync-run.entity.js';

const PUBLISH_EVERY_MS = 250;
const PERSIST_EVERY_MS = 1000;

/**
 * Publishes a run's phase and progress at most every 250 ms and saves it every second
 * (other processes read it from the database). Percent: reading 0–60, writing 60–98.
 */
export class ProgressReporter {
  private readonly processed: Record<string, number> = {};
  private readonly total: Record<string, number>;
  private phase: SyncPhase | null = null;

  /** The phase the run is in (null once finished). */
  get currentPhase(): SyncPhase | null {
    return this.phase;
  }
  private current: EntityType | null = null;
  private lastPublish = 0;
  private lastPersist = 0;
  private readonly started = Date.now();
  private share: { from: number; to: number } = { from: 0, to: 60 };

  constructor(
    private readonly ds: DataSource,
    private readonly pubsub: HomeroomPubSub | null,
    private readonly run: { id: number; districtId: number },
    /** Expected records per entity type (the previous run's), to estimate percent and ETA. */
    expected: Record<string, number>,
  ) {
    this.total = { ...expected };
  }

  async setPhase(phase: SyncPhase, share?: { from: number; to: number }, totals?: Record<string, number>): Promise<void> {
    this.phase = phase;
    if (share) {
      this.share = share;
      this.current = null;
      for (const k of Object.keys(this.processed)) this.processed[k] = 0;
    }
    if (totals) Object.assign(this.total, totals);
    await this.emit(true);
  }

  /** Throttled, except that the first report of each entity type is published at once. */
  update(entity: EntityType, processed: number): void {
    const first = this.current !== entity;
    this.current = entity;
    this.processed[entity] = processed;
    if ((this.total[entity] ?? 0) < processed) this.total[entity] = processed;
    void this.emit(first);
  }

  snapshot(status: SyncStatus): { progress: RunProgress; status: SyncStatus } {
    const totalAll = Object.values(this.total).reduce((a, b) => a + b, 0);
    const doneAll = Object.values(this.processed).reduce((a, b) => a + b, 0);
    const fraction = totalAll > 0 ? Math.min(1, doneAll / totalAll) : 0;
    const percent = Math.round(this.share.from + (this.share.to - this.share.from) * fraction);
    const elapsed = (Date.now() - this.started) / 1000;
    const etaSeconds = percent >= 100 ? 0 : percent > 2 ? Math.round((elapsed * (100 - percent)) / percent) : null;
    return { status, progress: { processed: { ...this.processed }, total: { ...this.total }, percent, etaSeconds } };
  }

  /** The last event of a run: its final status, and 100% when it launched. */
  async finish(status: SyncStatus): Promise<void> {
    if (status === SyncStatus.LAUNCHED) this.share = { from: 100, to: 100 };
    this.phase = null;
    await this.emit(true, status);
  }

  async emit(force: boolean, status = SyncStatus.IN_PROGRESS): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastPublish < PUBLISH_EVERY_MS) return;
    this.lastPublish = now;
    const { progress } = this.snapshot(status);
    this.pubsub?.publish(SYNC_RUN_UPDATED, {
      runId: this.run.id,
      districtId: this.run.districtId,
      status,
      phase: this.phase,
      percent: progress.percent,
      etaSeconds: progress.etaSeconds,
      processed: progress.processed,
      total: progress.total,
    });
    if (force || now - this.lastPersist >= PERSIST_EVERY_MS) {
      this.lastPersist = now;
      // Progress is best effort: a failed write must never fail (or crash) the run.
      await this.ds
        .getRepository(SyncRun)
        .update({ id: this.run.id }, { phase: this.phase, progress })
        .catch(() => undefined);
    }
  }
}

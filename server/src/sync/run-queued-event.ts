import { SYNC_RUN_UPDATED, type HomeroomPubSub } from '../events/pubsub.js';
import type { SyncRun } from './sync-run.entity.js';

/**
 * Tells district subscribers a run was queued: the engine publishes from IN_PROGRESS on, and
 * a worker may take a while to pick the run up, so pages would not know it is waiting.
 */
export function publishRunQueued(pubsub: HomeroomPubSub, run: SyncRun): void {
  pubsub.publish(SYNC_RUN_UPDATED, {
    runId: run.id,
    districtId: run.districtId,
    status: run.status,
    phase: null,
    percent: 0,
    etaSeconds: null,
    processed: {},
    total: {},
  });
}

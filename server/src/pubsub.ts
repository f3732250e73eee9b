import { createPubSub, type PubSub } from '@graphql-yoga/subscription';

/** What a subscriber to a run sees: published on every status/phase change and at most every 250 ms of progress. */
export interface SyncRunUpdate {
  runId: number;
  districtId: number;
  status: string;
  phase: string | null;
  percent: number;
  etaSeconds: number | null;
  processed: Record<string, number>;
  total: Record<string, number>;
}

export type HomeroomPubSub = PubSub<{ SYNC_RUN_UPDATED: [SyncRunUpdate] }>;

export const SYNC_RUN_UPDATED = 'SYNC_RUN_UPDATED';

/** In-process by default; the operations issue adds a Redis event target for multi-process fan-out. */
export function createHomeroomPubSub(): HomeroomPubSub {
  return createPubSub<{ SYNC_RUN_UPDATED: [SyncRunUpdate] }>();
}

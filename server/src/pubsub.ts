import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { setMaxListeners } from 'node:events';
import type { CredentialsRevoked } from './auth/credentials-revoked.js';

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

type Events = { SYNC_RUN_UPDATED: [SyncRunUpdate]; CREDENTIALS_REVOKED: [CredentialsRevoked] };

export type HomeroomPubSub = PubSub<Events>;

export const SYNC_RUN_UPDATED = 'SYNC_RUN_UPDATED';

/** In-process only: what tests and single-process tools use. */
export function createHomeroomPubSub(): HomeroomPubSub {
  const eventTarget = new EventTarget();
  // Every open dashboard page follows its districts' runs: many listeners are normal, not a leak.
  setMaxListeners(0, eventTarget);
  return createPubSub<Events>({ eventTarget });
}

/**
 * The app's PubSub: through Redis when REDIS_URL is set (events published by a worker or a
 * CLI sync reach subscribers on every API process), in-process otherwise.
 */
export async function createAppPubSub(redisUrl: string | null): Promise<{ pubsub: HomeroomPubSub; close(): Promise<void> }> {
  if (!redisUrl) return { pubsub: createHomeroomPubSub(), close: async () => undefined };
  const { createRedisPubSub } = await import('./redis-pubsub.js');
  return createRedisPubSub(redisUrl);
}

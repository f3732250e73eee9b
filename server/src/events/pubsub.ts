import { createPubSub } from '@graphql-yoga/subscription';
import { setMaxListeners } from 'node:events';
import type { AppEvents, HomeroomPubSub } from './app-events.js';

export * from './app-events.js';

/** In-process only: what tests and single-process tools use. */
export function createHomeroomPubSub(): HomeroomPubSub {
  const eventTarget = new EventTarget();
  // Every open dashboard page follows its districts' runs: many listeners are normal, not a leak.
  setMaxListeners(0, eventTarget);
  return createPubSub<AppEvents>({ eventTarget });
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

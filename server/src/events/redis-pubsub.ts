import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { HomeroomPubSub } from './app-events.js';

const PREFIX = 'homeroom:pubsub:';
type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

/**
 * A PubSub whose events go through Redis: an event published by a worker process reaches
 * subscribers connected to any API process. Two connections (a subscribed Redis connection
 * cannot publish).
 */
export function createRedisPubSub(redisUrl: string): { pubsub: HomeroomPubSub; close(): Promise<void> } {
  const publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { lazyConnect: false });
  const listeners = new Map<string, Set<Listener>>();

  subscriber.on('message', (channel: string, message: string) => {
    const type = channel.slice(PREFIX.length);
    const set = listeners.get(type);
    if (!set) return;
    const event = new CustomEvent(type, { detail: message === '' ? null : JSON.parse(message) });
    for (const l of set) (typeof l === 'function' ? l : l.handleEvent.bind(l))(event);
  });

  const eventTarget = {
    addEventListener(type: string, listener: Listener | null) {
      if (!listener) return;
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
        void subscriber.subscribe(PREFIX + type);
      }
      set.add(listener);
    },
    removeEventListener(type: string, listener: Listener | null) {
      const set = listeners.get(type);
      if (!set || !listener) return;
      set.delete(listener);
      if (set.size === 0) {
        listeners.delete(type);
        void subscriber.unsubscribe(PREFIX + type);
      }
    },
    dispatchEvent(event: Event) {
      void publisher.publish(PREFIX + event.type, JSON.stringify((event as CustomEvent).detail ?? null));
      return true;
    },
  };

  const pubsub = createPubSub({ eventTarget: eventTarget as never }) as HomeroomPubSub;
  return {
    pubsub,
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

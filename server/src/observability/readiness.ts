import { Redis } from 'ioredis';
import type { AppContext } from '../app-context.js';
import { databaseAnswers } from '../db/database-answers.js';

export type CheckResult = 'ok' | 'unreachable' | 'not configured';

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; redis: CheckResult };
}

const redisClients = new WeakMap<AppContext, Redis>();

function redisFor(app: AppContext, url: string): Redis {
  let client = redisClients.get(app);
  if (!client) {
    // No offline queue and one attempt per command: a check must fail fast, not wait for a reconnect.
    client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      disconnectTimeout: 100,
      retryStrategy: (n) => Math.min(n * 200, 2000),
    });
    client.on('error', () => undefined); // reported by the check, not as an unhandled event
    redisClients.set(app, client);
  }
  return client;
}

async function redisAnswers(app: AppContext, url: string, timeoutMs: number): Promise<boolean> {
  const client = redisFor(app, url);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('redis check timed out')), timeoutMs)));
    if (client.status === 'wait' || client.status === 'end') await Promise.race([client.connect(), timeout]);
    return (await Promise.race([client.ping(), timeout])) === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this process can serve: the database answers, and Redis when REDIS_URL is set. */
export async function checkReadiness(app: AppContext, timeoutMs = 3000): Promise<Readiness> {
  const [db, redis] = await Promise.all([
    databaseAnswers(app.ds, timeoutMs),
    app.config.redisUrl ? redisAnswers(app, app.config.redisUrl, timeoutMs) : Promise.resolve(null),
  ]);
  const checks = { database: db ? 'ok' : 'unreachable', redis: redis === null ? 'not configured' : redis ? 'ok' : 'unreachable' } as Readiness['checks'];
  return { ready: db && redis !== false, checks };
}

/** Closes the readiness Redis connection of this context (process shutdown, tests). */
export function closeReadiness(app: AppContext): void {
  redisClients.get(app)?.disconnect();
  redisClients.delete(app);
}

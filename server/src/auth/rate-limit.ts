import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
}

/** Per-token limit from the configuration (TOKEN_RATE_LIMIT requests per minute). */
export function tokenRateLimitOf(config: { tokenRateLimit: number }): RateLimitOptions {
  return { limit: config.tokenRateLimit, windowMs: 60_000 };
}

/**
 * A limiter kept in Redis when the API processes share one (every process counts against
 * the same budget), in this process otherwise. `keyPrefix` separates the limiters in Redis.
 */
export function createLimiter(
  redis: Redis | null,
  keyPrefix: string,
  options: { points: number; durationSeconds: number; blockDurationSeconds?: number },
): RateLimiterAbstract {
  const common = {
    keyPrefix: `homeroom:${keyPrefix}`,
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockDurationSeconds ?? 0,
  };
  return redis ? new RateLimiterRedis({ ...common, storeClient: redis }) : new RateLimiterMemory(common);
}

/** Seconds until a rejected caller may try again (at least 1). */
export const retryAfterSeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Requests per window per key (an API token id), shared through Redis when configured. If
 * Redis does not answer the request is let through (and logged): a rate limit must not take
 * the API down with it.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly options: RateLimitOptions,
    redis: Redis | null = null,
    private readonly logger?: Logger,
  ) {
    this.limiter = createLimiter(redis, 'token-rate', { points: options.limit, durationSeconds: Math.max(1, Math.round(options.windowMs / 1000)) });
  }

  /** null when allowed; otherwise seconds until the window resets. */
  async hit(key: string): Promise<number | null> {
    try {
      await this.limiter.consume(key, 1);
      return null;
    } catch (res) {
      if (res instanceof RateLimiterRes) return retryAfterSeconds(res);
      this.logger?.warn({ err: res }, 'rate limit store unavailable; request let through');
      return null;
    }
  }

  get limit(): number {
    return this.options.limit;
  }
}

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
}

/** Requests per minute per API token unless HOMEROOM_TOKEN_RATE_LIMIT says otherwise. */
/** Per-token limit from the configuration (TOKEN_RATE_LIMIT requests per minute). */
export function tokenRateLimitOf(config: { tokenRateLimit: number }): RateLimitOptions {
  return { limit: config.tokenRateLimit, windowMs: 60_000 };
}

/**
 * A fixed-window counter per key (an API token id), kept in this process. Each API process
 * counts its own requests; behind a load balancer a token's budget is per process.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  /** null when allowed; otherwise seconds until the window resets. */
  hit(key: string, now = Date.now()): number | null {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.options.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.prune(now);
    }
    w.count++;
    if (w.count <= this.options.limit) return null;
    return Math.max(1, Math.ceil((w.start + this.options.windowMs - now) / 1000));
  }

  get limit(): number {
    return this.options.limit;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.options.windowMs) this.windows.delete(k);
  }
}

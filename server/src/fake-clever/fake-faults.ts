import type { ServerResponse } from 'node:http';

/** Faults a fake source server provokes on request (fake-clever and fake-oneroster alike). */
export interface FaultOptions {
  /** Every K-th request answers 429 with Retry-After and X-RateLimit-* headers. */
  rateLimitEvery?: number;
  /** Seconds in the 429's Retry-After (and X-RateLimit-Reset from now); default 1. */
  retryAfterSeconds?: number;
  /** Every K-th request answers 500. */
  failEvery?: number;
  /** Every request after the N-th answers 500 (a server that goes down mid-sync). */
  failAfter?: number;
  /** Every request waits this long before answering. */
  delayMs?: number;
  /** Every K-th request sends half of its answer and closes the connection. */
  dropEvery?: number;
}

export interface FaultStats {
  rateLimited: number;
  failed: number;
  dropped: number;
}

const isMultiple = (n: number, k: number | undefined) => k !== undefined && k > 0 && n % k === 0;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Applies FaultOptions to the n-th authorized request of a fake server. */
export class FaultInjector {
  readonly stats: FaultStats = { rateLimited: 0, failed: 0, dropped: 0 };
  /** Requests waiting out delayMs; released when the server closes. */
  private readonly delays = new Set<() => void>();

  constructor(private readonly o: FaultOptions) {}

  /** Waits, then answers 429 or 500 when the options say so; true when the request was answered. */
  async before(n: number, res: ServerResponse): Promise<boolean> {
    if (this.o.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.delays.delete(release);
          resolve();
        }, this.o.delayMs);
        const release = () => {
          clearTimeout(timer);
          resolve();
        };
        this.delays.add(release);
      });
    }
    if (res.destroyed) return true;
    if (isMultiple(n, this.o.rateLimitEvery)) {
      this.stats.rateLimited++;
      const wait = this.o.retryAfterSeconds ?? 1;
      sendJson(
        res,
        429,
        { error: 'Too Many Requests' },
        {
          'Retry-After': String(wait),
          'X-RateLimit-Limit': '1200',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + wait),
        },
      );
      return true;
    }
    if (isMultiple(n, this.o.failEvery) || (this.o.failAfter !== undefined && n > this.o.failAfter)) {
      this.stats.failed++;
      sendJson(res, 500, { error: 'Internal Server Error' });
      return true;
    }
    return false;
  }

  /** Sends a 200 answer, or half of it before closing the connection when dropEvery says so. */
  send(n: number, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (status !== 200 || !isMultiple(n, this.o.dropEvery)) return sendJson(res, status, body, headers);
    this.stats.dropped++;
    const text = JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
  }

  releaseDelays(): void {
    for (const release of this.delays) release();
    this.delays.clear();
  }
}

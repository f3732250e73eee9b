import { SourceError } from './roster-source.js';

export const DEFAULT_CLEVER_URL = 'https://api.clever.com';
export const MAX_CLEVER_PAGE_SIZE = 10000;

export interface CleverHttpOptions {
  /** Base URL of the Clever API; default https://api.clever.com. */
  url?: string;
  /** The district bearer token. */
  token: string;
  /** Per-request timeout (headers and body), default 30 s. */
  timeoutMs?: number;
  /** Retries after a network error, timeout or 5xx answer before the run fails; default 5. */
  retries?: number;
  /** First backoff delay; doubles per retry with jitter (50–100 % of the step); default 500 ms. */
  backoffMs?: number;
  /** Longest backoff step; default 30 s. */
  maxBackoffMs?: number;
  /** Longest wait honoured for one 429 answer; longer requests are clamped; default 5 min. */
  maxRateLimitWaitMs?: number;
  /** Wait after a 429 that carries no rate-limit header; default 1 s. */
  defaultRateLimitWaitMs?: number;
  /** 429 answers accepted in a row for one request before the run fails; default 20. */
  maxRateLimitRetries?: number;
  /** Injected for tests; default the global (undici) fetch. */
  fetch?: typeof fetch;
}

/** One element of a v3.0 list answer. */
export interface CleverEnvelope<T> {
  data: Array<{ data: T; uri?: string }>;
  links?: Array<{ rel: string; uri: string }>;
}

/** An attempt that may succeed when repeated: network error, timeout, 5xx, truncated body. */
class RetryableError extends Error {}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * How long a 429 answer asks to wait, in ms: Retry-After (seconds or an HTTP date) first,
 * then X-RateLimit-Reset (epoch seconds); null when neither is usable.
 */
export function rateLimitWaitMs(headers: Headers, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.max(0, Math.round(Number(reset) * 1000 - now));
  return null;
}

/** Exponential backoff with jitter: step `attempt` (0-based) lies in [50 %, 100 %] of min(max, base·2^attempt). */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(step * (0.5 + random() * 0.5));
}

/**
 * GETs JSON from the Clever Data API with the district token: timeouts, retries with
 * backoff on network errors and 5xx, waits on 429, fails at once on 401/403. Throws
 * SourceError with a readable message when a request cannot succeed; the caller's
 * AbortSignal stops waiting and fetching at once (its reason is thrown).
 */
export class CleverHttpClient {
  readonly baseUrl: string;
  private readonly o: Required<Omit<CleverHttpOptions, 'url' | 'fetch'>>;
  private readonly fetchFn: typeof fetch;

  constructor(options: CleverHttpOptions) {
    this.baseUrl = (options.url?.trim() || DEFAULT_CLEVER_URL).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.o = {
      token: options.token,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 5,
      backoffMs: options.backoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 300_000,
      defaultRateLimitWaitMs: options.defaultRateLimitWaitMs ?? 1000,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 20,
    };
  }

  /** An absolute URL for a path such as `/v3.0/schools?limit=10` (Clever's links are relative to the base). */
  resolve(pathOrUrl: string): string {
    if (/^https?:\/\//.test(pathOrUrl)) return pathOrUrl;
    return `${this.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
  }

  async getJson<T>(pathOrUrl: string, signal?: AbortSignal): Promise<T> {
    const url = this.resolve(pathOrUrl);
    const what = `GET ${new URL(url).pathname}`;
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      signal?.throwIfAborted();
      const quota = this.quotaResetsAt - Date.now();
      if (quota > 0) await sleep(Math.min(quota, this.o.maxRateLimitWaitMs), signal);
      try {
        return await this.attempt<T>(url, what, signal);
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (e instanceof RateLimited) {
          if (++rateLimited > this.o.maxRateLimitRetries) {
            throw new SourceError(`Clever kept answering 429 (rate limited) to ${what}: gave up after ${rateLimited} tries`);
          }
          await sleep(Math.min(this.o.maxRateLimitWaitMs, e.waitMs ?? this.o.defaultRateLimitWaitMs), signal);
          continue;
        }
        if (!(e instanceof RetryableError)) throw e;
        if (failures >= this.o.retries) {
          throw new SourceError(`Could not read ${what} from Clever at ${this.baseUrl}: ${e.message} (${failures + 1} attempts)`);
        }
        await sleep(backoffDelayMs(failures++, this.o.backoffMs, this.o.maxBackoffMs), signal);
      }
    }
  }

  /** When the last answer said the quota is used up (X-RateLimit-Remaining: 0): its reset time, in ms. */
  private quotaResetsAt = 0;

  private noteQuota(headers: Headers): void {
    if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return;
    const wait = rateLimitWaitMs(new Headers({ 'x-ratelimit-reset': headers.get('x-ratelimit-reset') ?? '' }));
    if (wait) this.quotaResetsAt = Date.now() + wait;
  }

  private async attempt<T>(url: string, what: string, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const timedOut = () => timeout.aborted && !signal?.aborted;
    let res: Response;
    try {
      res = await this.fetchFn(url, { headers: { Authorization: `Bearer ${this.o.token}`, Accept: 'application/json' }, signal: combined });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new RetryableError(timedOut() ? `no answer within ${this.o.timeoutMs / 1000} s` : networkMessage(e));
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceError(`Clever rejected the district token (${res.status})`);
    }
    if (res.status === 429) {
      await res.body?.cancel().catch(() => undefined);
      throw new RateLimited(rateLimitWaitMs(res.headers));
    }
    this.noteQuota(res.headers);
    let body: string;
    try {
      body = await res.text();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new RetryableError(timedOut() ? `the answer did not arrive within ${this.o.timeoutMs / 1000} s` : `the connection broke while reading the answer (${networkMessage(e)})`);
    }
    if (res.status >= 500) throw new RetryableError(`Clever answered ${res.status} ${res.statusText}`.trim());
    if (res.status >= 400) {
      throw new SourceError(`Clever answered ${res.status} to ${what}${errorText(body) ? `: ${errorText(body)}` : ''}`);
    }
    try {
      return JSON.parse(body) as T;
    } catch {
      // A cut-off answer is the usual cause; asking again usually helps.
      throw new RetryableError(`the answer to ${what} was not complete JSON`);
    }
  }
}

class RateLimited extends Error {
  constructor(readonly waitMs: number | null) {
    super('rate limited');
  }
}

function networkMessage(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? e);
}

function errorText(body: string): string | null {
  try {
    const j = JSON.parse(body);
    return typeof j?.error === 'string' ? j.error : typeof j?.message === 'string' ? j.message : null;
  } catch {
    return body.trim().slice(0, 200) || null;
  }
}

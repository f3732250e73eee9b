import { SourceError } from '../../errors.js';
/** Timeouts, retries and rate-limit handling shared by every HTTP source (Clever, OneRoster, CSV downloads). */
export interface RetryOptions {
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

/**
 * How a client signs its requests. `headers` is asked for every attempt (a signature holds
 * a nonce and a timestamp); `rejected` is told about a 401/403 and answers whether one more
 * try is worth it (an OAuth 2 token that expired early); `rejectedMessage` names the cause.
 */
export interface HttpAuth {
  headers(method: string, url: string, signal?: AbortSignal): Promise<Record<string, string>>;
  rejected?(status: number): Promise<boolean>;
  rejectedMessage(status: number): string;
}

export interface HttpRequest {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** An attempt that may succeed when repeated: network error, timeout, 5xx, truncated body. */
export class RetryableError extends Error {}

class RateLimited extends Error {
  constructor(readonly waitMs: number | null) {
    super('rate limited');
  }
}

export const sleep = (ms: number, signal?: AbortSignal) =>
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

/** A network failure in words, with the system's code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…). */
export function networkMessage(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const code = err.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'the host name was not found',
    EAI_AGAIN: 'the host name could not be resolved',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    ETIMEDOUT: 'the connection timed out',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted',
    SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is not trusted',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
    ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on that port',
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  const cause = code ?? err.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? e);
}

/** The message of a JSON error answer, or the start of a text one. */
export function errorText(body: string): string | null {
  try {
    const j = JSON.parse(body);
    if (typeof j?.error_description === 'string') return j.error_description;
    if (typeof j?.error === 'string') return j.error;
    if (typeof j?.message === 'string') return j.message;
    const info = j?.imsx_statusInfo ?? j?.statusInfoSet?.[0];
    if (typeof info?.imsx_description === 'string') return info.imsx_description;
    return null;
  } catch {
    return body.trim().slice(0, 200) || null;
  }
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * HTTP requests to one service with a source's resilience: per-request timeouts, retries
 * with backoff on network errors, 5xx and truncated answers, waits on 429 (and when
 * X-RateLimit-Remaining reaches 0), fails at once on 401/403 unless the auth asks for one
 * more try. Throws SourceError with a readable message naming `service` when a request
 * cannot succeed; the caller's AbortSignal stops waiting and fetching at once (its reason
 * is thrown). Never puts credentials in a message.
 */
export class RetryingHttpClient {
  readonly baseUrl: string;
  private readonly o: Required<Omit<RetryOptions, 'fetch'>>;
  private readonly fetchFn: typeof fetch;
  /** When the last answer said the quota is used up (X-RateLimit-Remaining: 0): its reset time, in ms. */
  private quotaResetsAt = 0;

  /** `service` names the other side in messages, as the middle of a sentence: "Clever", "the OneRoster server". */
  constructor(
    readonly service: string,
    baseUrl: string,
    private readonly auth: HttpAuth | null,
    options: RetryOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.o = {
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 5,
      backoffMs: options.backoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 300_000,
      defaultRateLimitWaitMs: options.defaultRateLimitWaitMs ?? 1000,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 20,
    };
  }

  /** An absolute URL for a path such as `/v3.0/schools?limit=10` (links are often relative to the base). */
  resolve(pathOrUrl: string): string {
    if (/^https?:\/\//.test(pathOrUrl)) return pathOrUrl;
    return `${this.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
  }

  async getJson<T>(pathOrUrl: string, signal?: AbortSignal): Promise<T> {
    return (await this.json<T>(pathOrUrl, {}, signal)).json;
  }

  /** The parsed JSON answer and its headers (paging reads X-Total-Count and Link). */
  async json<T>(pathOrUrl: string, request: HttpRequest = {}, signal?: AbortSignal): Promise<{ json: T; headers: Headers }> {
    const url = this.resolve(pathOrUrl);
    const what = `${request.method ?? 'GET'} ${new URL(url).pathname}`;
    let json: T;
    const answer = await this.request(url, request, signal, (a) => {
      try {
        json = JSON.parse(a.text) as T;
      } catch {
        // A cut-off answer is the usual cause; asking again usually helps.
        throw new RetryableError(`the answer to ${what} was not complete JSON`);
      }
    });
    return { json: json!, headers: answer.headers };
  }

  /** One request to a 2xx answer, retried as the class says; `check` may throw RetryableError to ask again. */
  async request(pathOrUrl: string, request: HttpRequest = {}, signal?: AbortSignal, check?: (a: HttpAnswer) => void): Promise<HttpAnswer> {
    const url = this.resolve(pathOrUrl);
    const what = `${request.method ?? 'GET'} ${new URL(url).pathname}`;
    let failures = 0;
    let rateLimited = 0;
    let reauthorized = false;
    for (;;) {
      signal?.throwIfAborted();
      const quota = this.quotaResetsAt - Date.now();
      if (quota > 0) await sleep(Math.min(quota, this.o.maxRateLimitWaitMs), signal);
      try {
        const answer = await this.attempt(url, what, request, signal);
        if (answer.status === 401 || answer.status === 403) {
          if (!reauthorized && (await this.auth?.rejected?.(answer.status))) {
            reauthorized = true;
            continue;
          }
          throw new SourceError(this.auth?.rejectedMessage(answer.status) ?? `${capitalized(this.service)} refused ${what} (${answer.status})`);
        }
        check?.(answer);
        return answer;
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (e instanceof RateLimited) {
          if (++rateLimited > this.o.maxRateLimitRetries) {
            throw new SourceError(`${capitalized(this.service)} kept answering 429 (rate limited) to ${what}: gave up after ${rateLimited} tries`);
          }
          await sleep(Math.min(this.o.maxRateLimitWaitMs, e.waitMs ?? this.o.defaultRateLimitWaitMs), signal);
          continue;
        }
        if (!(e instanceof RetryableError)) throw e;
        if (failures >= this.o.retries) {
          throw new SourceError(`Could not read ${what} from ${this.service} at ${this.baseUrl}: ${e.message} (${failures + 1} attempts)`);
        }
        await sleep(backoffDelayMs(failures++, this.o.backoffMs, this.o.maxBackoffMs), signal);
      }
    }
  }

  private noteQuota(headers: Headers): void {
    if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return;
    const wait = rateLimitWaitMs(new Headers({ 'x-ratelimit-reset': headers.get('x-ratelimit-reset') ?? '' }));
    if (wait) this.quotaResetsAt = Date.now() + wait;
  }

  /** One try: a 2xx or 401/403 answer, or throws RateLimited, RetryableError or SourceError. */
  private async attempt(url: string, what: string, request: HttpRequest, signal?: AbortSignal): Promise<HttpAnswer> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const timedOut = () => timeout.aborted && !signal?.aborted;
    const method = request.method ?? 'GET';
    let res: Response;
    try {
      const auth = (await this.auth?.headers(method, url, combined)) ?? {};
      res = await this.fetchFn(url, { method, body: request.body, headers: { Accept: 'application/json', ...request.headers, ...auth }, signal: combined });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (e instanceof SourceError) throw e;
      throw new RetryableError(timedOut() ? `no answer within ${this.o.timeoutMs / 1000} s` : networkMessage(e));
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      return { status: res.status, headers: res.headers, text: '' };
    }
    if (res.status === 429) {
      await res.body?.cancel().catch(() => undefined);
      throw new RateLimited(rateLimitWaitMs(res.headers));
    }
    this.noteQuota(res.headers);
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new RetryableError(
        timedOut() ? `the answer did not arrive within ${this.o.timeoutMs / 1000} s` : `the connection broke while reading the answer (${networkMessage(e)})`,
      );
    }
    if (res.status >= 500) throw new RetryableError(`${capitalized(this.service)} answered ${res.status} ${res.statusText}`.trim());
    if (res.status >= 400) {
      const detail = errorText(text);
      throw new SourceError(`${capitalized(this.service)} answered ${res.status} to ${what}${detail ? `: ${detail}` : ''}`);
    }
    return { status: res.status, headers: res.headers, text };
  }
}

import { RetryingHttpClient, type RetryOptions } from './retrying-http.js';

export { backoffDelayMs, rateLimitWaitMs } from './retrying-http.js';

export const DEFAULT_CLEVER_URL = 'https://api.clever.com';
export const MAX_CLEVER_PAGE_SIZE = 10000;

export interface CleverHttpOptions extends RetryOptions {
  /** Base URL of the Clever API; default https://api.clever.com. */
  url?: string;
  /** The district bearer token. */
  token: string;
}

/** One element of a v3.0 list answer. */
export interface CleverEnvelope<T> {
  data: Array<{ data: T; uri?: string }>;
  links?: Array<{ rel: string; uri: string }>;
}

/**
 * GETs JSON from the Clever Data API with the district token (the shared retrying client:
 * timeouts, backoff, 429 waits; a 401/403 fails at once naming the token).
 */
export class CleverHttpClient extends RetryingHttpClient {
  constructor(options: CleverHttpOptions) {
    super(
      'Clever',
      options.url?.trim() || DEFAULT_CLEVER_URL,
      {
        headers: async () => ({ Authorization: `Bearer ${options.token}` }),
        rejectedMessage: (status) => `Clever rejected the district token (${status})`,
      },
      options,
    );
  }
}

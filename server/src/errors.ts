import { GraphQLError } from 'graphql';
import { ApiError } from './auth/api-errors.js';

/**
 * A change-feed cursor from before the retention window: events after it may already be
 * deleted, so following on would silently miss changes. The partner starts over.
 */
export class CursorExpiredError extends ApiError {
  constructor() {
    super('CURSOR_EXPIRED', 're-pull the roster, then follow events from latestCursor');
  }
}

/** A cursor this feed did not issue, or issued for another district (never says which). */
export class InvalidCursorError extends ApiError {
  constructor() {
    super('BAD_USER_INPUT', 'Invalid cursor: pass an endCursor or latestEventCursor this district’s feed returned');
  }
}

/**
 * Too many attempts (sign-in throttle, API token rate limit): HTTP 429 with Retry-After
 * over HTTP (Apollo applies `extensions.http`), code RATE_LIMITED everywhere.
 */
export class TooManyRequestsError extends GraphQLError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

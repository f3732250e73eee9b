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

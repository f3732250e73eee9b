// The project's errors, in one place. Services throw them; the GraphQL layer
// (graphql/errors.ts) is the one place that turns them into `extensions.code`, the CLI prints
// their message. Nothing here imports a library: every layer (and `homeroom --help`) may load it.

/** The codes an API caller sees in `extensions.code` for an error it can act on. */
export type ApiErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | 'RATE_LIMITED' | 'CURSOR_EXPIRED';

/** An error for the API caller, with its code. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} was not found`);
export const conflict = (message: string) => new ApiError('CONFLICT', message);
export const forbidden = (message = 'You are not allowed to do this') => new ApiError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in, or send an API token as "Authorization: Bearer <token>"') => new ApiError('UNAUTHENTICATED', message);
/** A page cursor that is malformed or not one of this query's: the same answer either way. */
export const INVALID_CURSOR_MESSAGE = 'Invalid cursor: pass the endCursor of a page of this same query';
export const invalidCursor = () => new ApiError('BAD_USER_INPUT', INVALID_CURSOR_MESSAGE);

/** A setting or argument the caller gave is not acceptable; the message says which and why (BAD_USER_INPUT). */
export class ValidationError extends Error {}

/** A setting of the process (environment) that cannot be used; the message names the variable. */
export class ConfigError extends Error {}

/** A district's source cannot be read as a whole (rejected credentials, a missing file); the run fails SOURCE_ERROR. */
export class SourceError extends Error {}

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
 * Too many attempts (sign-in throttle): code RATE_LIMITED. `extensions` is copied by graphql-js
 * onto the error it reports, so Apollo answers HTTP 429 with Retry-After.
 */
export class TooManyRequestsError extends ApiError {
  readonly extensions: Record<string, unknown>;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
    this.extensions = { retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } };
  }
}

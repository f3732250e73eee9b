/**
 * Errors services throw for the API; the GraphQL layer turns `code` into
 * `extensions.code`. ValidationError (roster/district-settings.validation.ts) becomes BAD_USER_INPUT.
 */
export class ApiError extends Error {
  constructor(readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | 'RATE_LIMITED' | 'CURSOR_EXPIRED', message: string) {
    super(message);
    this.name = code;
  }
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} was not found`);
export const conflict = (message: string) => new ApiError('CONFLICT', message);
export const forbidden = (message = 'You are not allowed to do this') => new ApiError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in, or send an API token as "Authorization: Bearer <token>"') =>
  new ApiError('UNAUTHENTICATED', message);
/** A page cursor that is malformed or not one of this query's: the same answer either way. */
export const INVALID_CURSOR_MESSAGE = 'Invalid cursor: pass the endCursor of a page of this same query';
export const invalidCursor = () => new ApiError('BAD_USER_INPUT', INVALID_CURSOR_MESSAGE);

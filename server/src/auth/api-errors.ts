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

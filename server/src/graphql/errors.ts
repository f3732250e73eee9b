import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApiError, ValidationError } from '../errors.js';

/** The API code of a service error: ApiError carries one, ValidationError is BAD_USER_INPUT. */
export function errorCode(err: unknown): string | null {
  if (err instanceof ApiError) return err.code;
  if (err instanceof ValidationError) return 'BAD_USER_INPUT';
  return null;
}

/**
 * Apollo formatError: service errors keep their message and get their code; an unexpected
 * error keeps Apollo's INTERNAL_SERVER_ERROR (and its message, which never holds credentials).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = errorCode(unwrapResolverError(error));
  if (code) return { ...formatted, extensions: { ...formatted.extensions, code } };
  // A literal that is not a valid date fails validation; docs/api.md promises BAD_USER_INPUT.
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /\b(LocalDate|DateTimeISO)\b/.test(formatted.message)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  return formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...formatted, message: withoutPaths(formatted.message) } : formatted;
}

/** An unexpected error's message may name files on the server (ENOENT …): keep only their names. */
export function withoutPaths(message: string): string {
  return message.replace(/(^|[\s'"(=])(?:[A-Za-z]:)?[\\/](?:[^\s'"()\\/]+[\\/])+([^\s'"()\\/]*)/g, '$1…/$2');
}

/** The same mapping for graphql-ws results (GraphQLError instances). */
export function withErrorCodes(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((e) => {
    const code = errorCode(e.originalError);
    return code ? new GraphQLError(e.message, { nodes: e.nodes, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code } }) : e;
  });
}

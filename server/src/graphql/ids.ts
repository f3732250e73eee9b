import { notFound } from '../errors.js';
/** GraphQL IDs are database ids as strings; anything else names no record (null). */
export function parseId(id: string | number): number | null {
  const n = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A required id argument: an id that cannot exist is NOT_FOUND like any other missing record. */
export function idArg(id: string | number, what: string): number {
  const n = parseId(id);
  if (n == null) throw notFound(`${what} ${id}`);
  return n;
}

/** An optional filter id; a malformed one matches nothing (-1). */
export function optionalId(id: string | null | undefined): number | null {
  if (id == null) return null;
  return parseId(id) ?? -1;
}

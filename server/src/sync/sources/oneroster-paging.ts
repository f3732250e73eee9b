import type { RetryingHttpClient } from './retrying-http.js';
import { SourceError } from '../../errors.js';

/** The `rel="next"` target of an RFC 8288 Link header, or null. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2])) return m[1];
  }
  return null;
}

export interface PagingState {
  /** The page size asked for; lowered when the server is seen to cap it. */
  limit: number;
  /** Set once a server returned fewer records than asked while more were listed. */
  cappedAt: number | null;
}

/**
 * Every object of a OneRoster collection, page after page with `limit` and `offset`:
 * the Link header's next page when there is one, else the next offset while X-Total-Count
 * says more are listed, else until an empty page. A server that answers fewer records than
 * `limit` but has more is capping the page size: the offsets follow its cap. When the
 * server gave a total, a listing that ends short of it is an incomplete fetch (SourceError),
 * so the run never plans deletes from half a collection.
 */
export async function* pages(
  http: RetryingHttpClient,
  path: string,
  key: string,
  state: PagingState,
  signal?: AbortSignal,
): AsyncGenerator<Array<Record<string, unknown>>> {
  let offset = 0;
  let total: number | null = null;
  let next: string | null = `${path}?limit=${state.limit}&offset=0`;
  const visited = new Set<string>();
  while (next) {
    visited.add(next);
    const answer: { json: Record<string, unknown>; headers: Headers } = await http.json<Record<string, unknown>>(next, {}, signal);
    const { json, headers } = answer;
    const list: unknown = json?.[key];
    if (!Array.isArray(list)) {
      throw new SourceError(`The OneRoster server's answer to GET ${path} has no "${key}" list (is the base URL right? it should end in /ims/oneroster/v1p1)`);
    }
    const items = list.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object');
    if (items.length) yield items;
    offset += list.length;
    const count: number = Number(headers.get('x-total-count'));
    if (headers.get('x-total-count') !== null && Number.isInteger(count) && count >= 0) total = count;
    const asked = Number(new URL(http.resolve(next)).searchParams.get('limit') ?? state.limit);
    const link = nextLink(headers.get('link'));
    const more: boolean = total !== null ? offset < total : list.length > 0;
    if (list.length > 0 && list.length < asked && more) {
      // Without a total or a link a short page may also be the last one: the next (empty) page tells.
      if (total !== null || link) state.cappedAt = list.length;
      state.limit = Math.min(state.limit, list.length);
    }
    if (link && list.length > 0) next = visited.has(link) ? null : link;
    else next = more && list.length > 0 ? `${path}?limit=${state.limit}&offset=${offset}` : null;
  }
  if (total !== null && offset < total) {
    throw new SourceError(`The OneRoster server listed ${offset} of the ${total} ${key} it counts (X-Total-Count) for GET ${path}; the fetch is incomplete`);
  }
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, sendJson, type FaultOptions } from './fake-faults.js';
import { byId, cleverDistrict, type CleverDistrictOptions, type CleverRecord, type FakeCleverData } from './clever-district.js';

export interface FakeCleverOptions extends Partial<CleverDistrictOptions>, FaultOptions {
  /** The district token clients must send as `Authorization: Bearer <token>`. */
  token: string;
  /** Serve this instead of a generated district (tests: exact shapes, empty lists). */
  data?: FakeCleverData;
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** Largest `limit` accepted; default 10000. */
  pageSizeMax?: number;
}

export interface FakeCleverStats {
  /** Authorized requests, in order (path and query). */
  requests: string[];
  unauthorized: number;
  rateLimited: number;
  failed: number;
  dropped: number;
}

export interface FakeCleverServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (give it to the Clever API source as `url`). */
  url: string;
  data: FakeCleverData;
  stats: FakeCleverStats;
  close(): Promise<void>;
}

const DEFAULT_LIMIT = 100;
const COLLECTIONS = ['schools', 'terms', 'courses', 'users', 'sections'] as const;

/** First index whose id is greater than `after` (the list is sorted by id). */
function indexAfter(list: CleverRecord[], after: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].id <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose id is not less than `before`: the records before it are those ending before that id. */
function indexBefore(list: CleverRecord[], before: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].id < before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A Clever Data API v3.0 stand-in serving a generated district (or given data): bearer
 * token, `{data: [{data}], links}` envelopes ordered by id, `limit` / `starting_after`
 * (and `ending_before`, which the `rel: "prev"` links use) paging with `rel: "next"` links (present whenever a page is full, so a list whose
 * size is a multiple of the limit ends with an empty page, as Clever's do), and faults on
 * request: 429s, 500s, delays and connections closed mid-answer.
 */
export async function startFakeCleverServer(options: FakeCleverOptions): Promise<FakeCleverServer> {
  const data =
    options.data ?? cleverDistrict({ students: options.students ?? 2000, seed: options.seed, referenceDate: options.referenceDate, name: options.name });
  const lists: Record<string, CleverRecord[]> = {};
  for (const c of COLLECTIONS) lists[c] = [...data[c]].sort(byId);
  lists['users?role=teacher'] = lists.users.filter((u) => (u.roles as Record<string, unknown> | undefined)?.teacher);
  lists['users?role=student'] = lists.users.filter((u) => (u.roles as Record<string, unknown> | undefined)?.student);
  const pageSizeMax = options.pageSizeMax ?? 10000;

  const faults = new FaultInjector(options);
  const stats: FakeCleverStats = { requests: [], unauthorized: 0, ...faults.stats };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake-clever');
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      stats.unauthorized++;
      return sendJson(res, 401, { error: 'Unauthorized' }, { 'WWW-Authenticate': 'Bearer' });
    }
    stats.requests.push(`${url.pathname}${url.search}`);
    const n = stats.requests.length;
    const answered = await faults.before(n, res);
    Object.assign(stats, faults.stats);
    if (answered) return;
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Method not allowed' });
    const body = route(url);
    faults.send(n, res, body.status, body.json);
    Object.assign(stats, faults.stats);
  };

  const route = (url: URL): { status: number; json: unknown } => {
    const m = /^\/v3\.0\/(districts|schools|terms|courses|users|sections)(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!m) return { status: 404, json: { error: `Not found: ${url.pathname}` } };
    const [, collection, id] = m;
    if (collection === 'districts') {
      if (id && id !== data.district.id) return { status: 404, json: { error: 'Not found' } };
      const one = { data: data.district, uri: `/v3.0/districts/${data.district.id}` };
      return { status: 200, json: id ? { ...one, links: [{ rel: 'self', uri: one.uri }] } : { data: [one], links: [{ rel: 'self', uri: '/v3.0/districts' }] } };
    }
    if (id) {
      const found = lists[collection].find((r) => r.id === id);
      return found ? { status: 200, json: { data: found, links: [{ rel: 'self', uri: url.pathname }] } } : { status: 404, json: { error: 'Not found' } };
    }
    const role = url.searchParams.get('role');
    const key = collection === 'users' && role ? `users?role=${role}` : collection;
    const list = lists[key] ?? [];
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > pageSizeMax) {
      return { status: 400, json: { error: `limit must be a whole number from 1 to ${pageSizeMax}` } };
    }
    const after = url.searchParams.get('starting_after');
    const before = url.searchParams.get('ending_before');
    // starting_after: the page after that id; ending_before: the page just before it (what prev links name).
    let start = after ? indexAfter(list, after) : 0;
    let end = start + limit;
    if (before && !after) {
      end = indexBefore(list, before);
      start = Math.max(0, end - limit);
    }
    const page = list.slice(start, end);
    const base = `/v3.0/${collection}?${role ? `role=${encodeURIComponent(role)}&` : ''}limit=${limit}`;
    const links = [{ rel: 'self', uri: `${url.pathname}${url.search}` }];
    const last = page[page.length - 1]?.id;
    if (last && (page.length === limit || end < list.length)) links.push({ rel: 'next', uri: `${base}&starting_after=${encodeURIComponent(last)}` });
    if (start > 0 && page[0]) links.push({ rel: 'prev', uri: `${base}&ending_before=${encodeURIComponent(page[0].id)}` });
    return { status: 200, json: { data: page.map((r) => ({ data: r, uri: `/v3.0/${collection}/${r.id}` })), links } };
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => sendJson(res, 500, { error: String((e as Error).message) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    data,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        faults.releaseDelays();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, sendJson, type FaultOptions } from '../fake-clever/fake-faults.js';
import { oauth1Sign, parseOAuth1Header, type OAuth1Method } from '../sync/sources/oneroster-auth.js';
import { ONEROSTER_BASE_PATH, oneRosterDistrict, type FakeOneRosterData, type OneRosterDistrictOptions } from './oneroster-district.js';

export interface FakeOneRosterOptions extends Partial<OneRosterDistrictOptions>, FaultOptions {
  clientId: string;
  clientSecret: string;
  /** How clients authenticate; default oauth2 (client credentials at <base>/token). */
  auth?: 'oauth2' | 'oauth1';
  /** Serve this instead of a generated district. */
  data?: FakeOneRosterData;
  port?: number;
  host?: string;
  /** Largest `limit` served: a larger one is silently cut to it, as many SIS servers do. Default 10000. */
  maxLimit?: number;
  /** Lifetime of an OAuth 2 token; default 3600 s. */
  tokenTtlSeconds?: number;
  /** Which paging headers answers carry; default both. */
  totalCountHeader?: boolean;
  linkHeader?: boolean;
}

export interface FakeOneRosterStats {
  /** Authorized collection requests, in order (path and query). */
  requests: string[];
  unauthorized: number;
  tokensIssued: number;
  rateLimited: number;
  failed: number;
  dropped: number;
}

export interface FakeOneRosterServer {
  /** Base URL of the API, e.g. http://127.0.0.1:41234/ims/oneroster/v1p1 (its token URL is <url>/token). */
  url: string;
  data: FakeOneRosterData;
  stats: FakeOneRosterStats;
  /** Forgets every token issued so far: the next request with one gets a 401. */
  revokeTokens(): void;
  close(): Promise<void>;
}

const DEFAULT_LIMIT = 100;
const COLLECTIONS = ['orgs', 'academicSessions', 'courses', 'classes', 'users', 'enrollments'] as const;

const unauthorized = (res: ServerResponse, description: string) =>
  sendJson(
    res,
    401,
    {
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_description: description,
      imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'unauthorisedrequest' }] },
    },
    { 'WWW-Authenticate': 'Bearer' },
  );

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A OneRoster 1.1 REST stand-in serving a generated district (the same as `homeroom demo`
 * with the same options): OAuth 2 client credentials (tokens at <base>/token, Basic auth or
 * form fields) or OAuth 1.0a HMAC-SHA256/SHA1 signatures checked exactly; `limit`/`offset`
 * paging with X-Total-Count and Link headers, a silent page-size cap, and the fake-clever
 * faults (429s, 500s, delays, connections closed mid-answer).
 */
export async function startFakeOneRosterServer(options: FakeOneRosterOptions): Promise<FakeOneRosterServer> {
  const data =
    options.data ?? oneRosterDistrict({ students: options.students ?? 2000, seed: options.seed, referenceDate: options.referenceDate, name: options.name });
  const maxLimit = options.maxLimit ?? 10000;
  const ttl = options.tokenTtlSeconds ?? 3600;
  const tokens = new Map<string, number>();
  const nonces = new Set<string>();
  const faults = new FaultInjector(options);
  const stats: FakeOneRosterStats = { requests: [], unauthorized: 0, tokensIssued: 0, ...faults.stats };
  let origin = '';

  const issueToken = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await readBody(req));
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const [u, ...p] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      [id, secret] = [decodeURIComponent(u), decodeURIComponent(p.join(':'))];
    }
    if (form.get('grant_type') !== 'client_credentials') return sendJson(res, 400, { error: 'unsupported_grant_type' });
    if (id !== options.clientId || secret !== options.clientSecret) {
      stats.unauthorized++;
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const token = randomBytes(18).toString('hex');
    tokens.set(token, Date.now() + ttl * 1000);
    stats.tokensIssued++;
    return sendJson(res, 200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: ttl,
      scope: 'https://purl.imsglobal.org/spec/or/v1p1/scope/roster-core.readonly',
    });
  };

  /** null when the request is authorized, else why not. */
  const refusal = (req: IncomingMessage): string | null => {
    if ((options.auth ?? 'oauth2') === 'oauth2') {
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const expires = bearer ? tokens.get(bearer) : undefined;
      if (!expires) return 'Unknown or missing access token';
      return expires > Date.now() ? null : 'The access token has expired';
    }
    const p = parseOAuth1Header(req.headers.authorization);
    if (!p) return 'Missing OAuth 1.0a Authorization header';
    const method = p.get('oauth_signature_method') as OAuth1Method;
    if (method !== 'HMAC-SHA256' && method !== 'HMAC-SHA1') return 'Unsupported signature method';
    if (p.get('oauth_consumer_key') !== options.clientId) return 'Unknown consumer key';
    const timestamp = Number(p.get('oauth_timestamp'));
    if (!Number.isFinite(timestamp) || Math.abs(timestamp - Date.now() / 1000) > 300) return 'Stale timestamp';
    const nonce = p.get('oauth_nonce') ?? '';
    if (!nonce || nonces.has(nonce)) return 'Reused nonce';
    const expected = oauth1Sign({
      method: req.method ?? 'GET',
      url: `http://${req.headers.host}${req.url}`,
      consumerKey: options.clientId,
      consumerSecret: options.clientSecret,
      signatureMethod: method,
      nonce,
      timestamp: String(p.get('oauth_timestamp')),
    }).find(([k]) => k === 'oauth_signature')?.[1];
    if (expected !== p.get('oauth_signature')) return 'Invalid signature';
    nonces.add(nonce);
    return null;
  };

  const list = (url: URL, collection: (typeof COLLECTIONS)[number]): { json: unknown; headers: Record<string, string> } => {
    const all = data[collection];
    const asked = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_LIMIT, maxLimit);
    const start = Number.isInteger(offset) && offset > 0 ? offset : 0;
    const page = all.slice(start, start + limit);
    const headers: Record<string, string> = {};
    if (options.totalCountHeader !== false) headers['X-Total-Count'] = String(all.length);
    if (options.linkHeader !== false) {
      const at = (o: number) => `<${origin}${url.pathname}?limit=${limit}&offset=${o}>`;
      const links = [`${at(0)}; rel="first"`, `${at(Math.max(0, Math.floor((all.length - 1) / limit) * limit))}; rel="last"`];
      if (start + limit < all.length) links.push(`${at(start + limit)}; rel="next"`);
      if (start > 0) links.push(`${at(Math.max(0, start - limit))}; rel="prev"`);
      headers.Link = links.join(', ');
    }
    return { json: { [collection]: page }, headers };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith(`${ONEROSTER_BASE_PATH}/`)) return sendJson(res, 404, { error: `Not found: ${url.pathname}` });
    const path = url.pathname.slice(ONEROSTER_BASE_PATH.length + 1).replace(/\/+$/, '');
    if (path === 'token' && req.method === 'POST' && (options.auth ?? 'oauth2') === 'oauth2') return issueToken(req, res);
    const why = refusal(req);
    if (why) {
      stats.unauthorized++;
      return unauthorized(res, why);
    }
    stats.requests.push(`${url.pathname}${url.search}`);
    const n = stats.requests.length;
    const answered = await faults.before(n, res);
    Object.assign(stats, faults.stats);
    if (answered) return;
    const collection = COLLECTIONS.find((c) => c === path);
    if (req.method !== 'GET' || !collection) return sendJson(res, 404, { error: `Not found: ${url.pathname}` });
    const { json, headers } = list(url, collection);
    faults.send(n, res, 200, json, headers);
    Object.assign(stats, faults.stats);
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
  origin = `http://${host}:${address.port}`;
  return {
    url: `${origin}${ONEROSTER_BASE_PATH}`,
    data,
    stats,
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        faults.releaseDelays();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

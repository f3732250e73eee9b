import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AdminRole } from '../../src/auth/roles.js';
import { createLogger } from '../../src/logger.js';
import { SyncMode, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import type { District } from '../../src/roster/district.entity.js';
import { adminSession, apiTokenFor, PASSWORD, startApiServer, waitFor, type ApiServer } from '../support/api-harness.js';
import { createDistrict, TEST_SECRET } from '../support/test-app.js';
import { runCli } from '../../src/cli/main.js';
import { DIALECTS } from '../support/test-database.js';

const METRICS_TOKEN = 'metrics-secret-for-tests';

/** A websocket client that records how its socket closed. */
function wsClient(api: ApiServer, auth: string | null, headers: Record<string, string> = {}) {
  const closed: { code?: number; at?: number } = {};
  const client: Client = createClient({
    url: `${api.server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols: string | string[]) {
        super(url, protocols, { headers });
      }
    },
    connectionParams: auth ? { authorization: `Bearer ${auth}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (e) => Object.assign(closed, { code: (e as { code?: number }).code, at: Date.now() }) },
  });
  const query = (q: string) =>
    new Promise<any>((resolve) => {
      let result: any;
      client.subscribe({ query: q }, { next: (r) => (result = r), error: (error) => resolve({ error }), complete: () => resolve(result) });
    });
  return { client, closed, query };
}

describe.each(DIALECTS)('HTTP and websocket hardening on %s', (dialect) => {
  let api: ApiServer;
  let district: District;
  let other: District;
  const logged: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) });
    api = await startApiServer(dialect, {
      env: { METRICS_TOKEN, TRUST_PROXY: 'loopback', ALLOWED_ORIGINS: 'https://admin.partner.test', PUBLIC_URL: 'https://homeroom.example.org' },
      logger: createLogger('info', { stream }),
      loginDelayUnitMs: 5,
      tokenRateLimit: { limit: 1000, windowMs: 60_000 },
    });
    district = await createDistrict(api.app, 'Hardened');
    other = await createDistrict(api.app, 'Other');
  });
  afterAll(() => api.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a malformed JSON body with a JSON 400 in the API error shape, and never logs the body', async () => {
    const res = await post('{"query":"mutation{login(email:\\"x@y.z\\",password:\\"CANARY\\"){token}}",}');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(JSON.stringify(body)).not.toMatch(/at |\/work|node_modules/);
    expect(logged.join('')).not.toContain('CANARY');
    expect(logged.join('')).toContain('bad request refused');
  });

  it('sends no stack traces in GraphQL errors by default', async () => {
    const res = await post(JSON.stringify({ query: '{ nope }' }));
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });

  it('redacts secret-bearing log fields', async () => {
    const err = Object.assign(new Error('db said no'), { parameters: ['CANARY5'] });
    api.app.logger.info({ password: 'CANARY2', variables: { p: 'CANARY3' }, req: { headers: { authorization: 'Bearer CANARY4' } }, err }, 'redaction probe');
    await new Promise((r) => setTimeout(r, 50));
    const line = logged.find((l) => l.includes('redaction probe'))!;
    expect(line).not.toMatch(/CANARY[2345]/);
    expect(line).toContain('[redacted]');
    expect(JSON.parse(line).err.stack).toBeUndefined();
  });

  it('sets security headers on the dashboard and the API', async () => {
    for (const path of ['/', '/graphql?query=%7B__typename%7D']) {
      const res = await fetch(`${api.server.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/connect-src 'self' ws: wss:/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves /metrics only with the METRICS_TOKEN bearer', async () => {
    expect((await fetch(`${api.server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(`${api.server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE');
  });

  it('refuses a websocket upgrade from another origin, allows PUBLIC_URL, ALLOWED_ORIGINS and same-host pages', async () => {
    const session = await adminSession(api, `origin-${dialect}@homeroom.test`, AdminRole.PLATFORM_ADMIN);
    const status = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${api.server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
          headers: { origin, cookie: `homeroom_session=${session}` },
        });
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(-1));
      });
    expect(await status('http://evil.test')).toBe(403);
    expect(await status('https://homeroom.example.org')).toBe(101);
    expect(await status('https://admin.partner.test')).toBe(101);
    expect(await status(api.server.url)).toBe(101);
  });

  it('closes a partner token’s sockets within a second of its revocation, and refuses operations on them', async () => {
    const admin = await adminSession(api, `revoker-${dialect}@homeroom.test`, AdminRole.PLATFORM_ADMIN);
    const token = await apiTokenFor(api, district.id, 'to revoke');
    const ws = wsClient(api, token);
    expect((await ws.query('{ me { kind tokenName } }')).data.me).toEqual({ kind: 'API_TOKEN', tokenName: 'to revoke' });
    const tokens = await api.gql('{ apiTokens { id name } }', {}, admin);
    const id = tokens.data.apiTokens.find((t: any) => t.name === 'to revoke').id;
    const revokedAt = Date.now();
    await api.gql('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id }, admin);
    await waitFor(async () => ws.closed.code, 2000, 'the socket to close');
    expect(ws.closed.code).toBe(4401);
    expect(ws.closed.at! - revokedAt).toBeLessThan(1000);
    await ws.client.dispose();
  });

  it('closes an admin’s sockets at logout, and authorizes each operation as it starts', async () => {
    const session = await adminSession(api, `logout-${dialect}@homeroom.test`, AdminRole.PLATFORM_ADMIN);
    const ws = wsClient(api, session);
    expect((await ws.query('{ me { kind } }')).data.me.kind).toBe('ADMIN');
    const at = Date.now();
    expect((await api.gql('mutation { logout }', {}, session)).data.logout).toBe(true);
    await waitFor(async () => ws.closed.code, 2000, 'the socket to close');
    expect(ws.closed.code).toBe(4401);
    expect(ws.closed.at! - at).toBeLessThan(1000);

    // Without the revocation event (e.g. a session deleted in the database), the next operation is refused.
    const second = await adminSession(api, `quiet-${dialect}@homeroom.test`, AdminRole.PLATFORM_ADMIN);
    const ws2 = wsClient(api, second);
    expect((await ws2.query('{ me { kind } }')).data.me.kind).toBe('ADMIN');
    await api.app.ds.query('DELETE FROM admin_session');
    const refused = await ws2.query('{ districts { id } }');
    expect(refused.data?.districts).toBeUndefined();
    await waitFor(async () => ws2.closed.code, 2000, 'the socket to close');
    expect(ws2.closed.code).toBe(4401);
  });

  it('throttles sign-in by account and address: delays, then 429 with Retry-After; another address still signs in', async () => {
    const email = `throttled-${dialect}@homeroom.test`;
    await adminSession(api, email, AdminRole.SUPPORT);
    const login = (password: string, address: string) =>
      post(
        JSON.stringify({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: email, p: password } }),
        { 'x-forwarded-for': address },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('wrong password', '203.0.113.7')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const refused = await login(PASSWORD, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await refused.json()).errors[0]).toMatchObject({
      message: expect.stringMatching(/^Too many failed sign-in attempts: try again in \d+ s$/),
      extensions: { code: 'RATE_LIMITED' },
    });
    // The real admin, elsewhere, is not locked out.
    const elsewhere = await login(PASSWORD, '198.51.100.20');
    expect(elsewhere.status).toBe(200);
    expect((await elsewhere.json()).data.login.token).toMatch(/^hrs_/);
    expect(logged.join('')).toContain('sign-in refused: too many failed attempts');
  });

  it('validates cursors against the caller’s scope: another district’s run answers like a run that does not exist', async () => {
    const runs = new SyncRunService(api.app.ds);
    const mine = (await runs.createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL })).run;
    const theirs = (await runs.createRun({ districtId: other.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL })).run;
    const token = await adminSession(api, `cursor-${dialect}@homeroom.test`, AdminRole.DISTRICT_ADMIN, district.id);
    const page = (after: string) => api.gql('query ($a: String) { syncRuns(first: 5, after: $a) { edges { node { id } } } }', { a: after }, token);
    const cursor = (id: number) => Buffer.from(String(id)).toString('base64');
    const foreign = await page(cursor(theirs.id));
    const missing = await page(cursor(theirs.id + 100_000));
    expect(foreign).toEqual(missing);
    expect(foreign.errors?.[0]).toMatchObject({
      message: 'Invalid cursor: pass the endCursor of a page of this same query',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const own = await page(cursor(mine.id));
    expect(own.errors).toBeUndefined();
    expect(own.data.syncRuns.edges).toEqual([]);
  });

  it('refuses impossible dates everywhere: CLI --expires and GraphQL (BAD_USER_INPUT)', async () => {
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(`ERR ${l}`),
      env: { DATABASE_URL: api.db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
    };
    expect(await runCli(['district', 'update', String(district.id), '--expires', '2026-02-30'], io)).not.toBe(0);
    expect(lines).toEqual(['ERR homeroom: The sync expiration must be a real date as YYYY-MM-DD, got "2026-02-30"']);
    const admin = await adminSession(api, `dates-${dialect}@homeroom.test`, AdminRole.PLATFORM_ADMIN);
    const literal = await api.gql(`mutation { startSync(input: { districtId: "${district.id}", asOf: "2026-02-30" }) { run { id } } }`, {}, admin);
    expect([literal.errors?.[0].extensions?.code, literal.errors?.[0].message]).toEqual(['BAD_USER_INPUT', expect.any(String)]);
    const variable = await api.gql(
      'mutation ($d: ID!, $a: LocalDate) { startSync(input: { districtId: $d, asOf: $a }) { run { id } } }',
      { d: String(district.id), a: '2026-02-30' },
      admin,
    );
    expect([variable.errors?.[0].extensions?.code, variable.errors?.[0].message]).toEqual(['BAD_USER_INPUT', expect.any(String)]);
  });

  it('partner tokens may expire: listed with their expiry, refused after it, and their sockets closed at it', async () => {
    const admin = await adminSession(api, `expiry-${dialect}@homeroom.test`, AdminRole.PLATFORM_ADMIN);
    const past = await api.gql(
      'mutation ($d: ID!, $e: DateTimeISO) { createApiToken(districtId: $d, name: "old", expiresAt: $e) { secret } }',
      { d: String(district.id), e: new Date(Date.now() - 1000).toISOString() },
      admin,
    );
    expect(past.errors?.[0]).toMatchObject({ message: 'A token expiry must be in the future', extensions: { code: 'BAD_USER_INPUT' } });
    const expiresAt = new Date(Date.now() + 2500);
    const created = await api.gql(
      'mutation ($d: ID!, $e: DateTimeISO) { createApiToken(districtId: $d, name: "short-lived", expiresAt: $e) { secret token { expiresAt } } }',
      { d: String(district.id), e: expiresAt.toISOString() },
      admin,
    );
    expect(new Date(created.data.createApiToken.token.expiresAt).getTime()).toBeCloseTo(expiresAt.getTime(), -3);
    const secret = created.data.createApiToken.secret;
    const listed = await api.gql('{ apiTokens { name expiresAt } }', {}, admin);
    expect(listed.data.apiTokens.find((t: any) => t.name === 'short-lived').expiresAt).not.toBeNull();
    const ws = wsClient(api, secret);
    expect((await ws.query('{ me { tokenName } }')).data.me.tokenName).toBe('short-lived');
    expect((await api.gql('{ me { tokenName } }', {}, secret)).data.me.tokenName).toBe('short-lived');
    await waitFor(async () => ws.closed.code, 5000, 'the socket to close at expiry');
    expect(ws.closed.code).toBe(4401);
    const after = await post(JSON.stringify({ query: '{ me { tokenName } }' }), { authorization: `Bearer ${secret}` });
    expect(after.status).toBe(401);

    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(`ERR ${l}`),
      env: { DATABASE_URL: api.db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
    };
    expect(await runCli(['token', 'create', '--district', String(district.id), '--name', 'cli-expiring', '--expires', '2099-12-31', '--json'], io)).toBe(0);
    expect(JSON.parse(lines[0])).toMatchObject({ name: 'cli-expiring', expiresAt: '2099-12-31T23:59:59.999Z' });
    expect(await runCli(['token', 'create', '--district', String(district.id), '--name', 'x', '--expires', '2026-02-30'], io)).toBe(2);
    expect(lines[1]).toMatch(/--expires must be a real date as YYYY-MM-DD, got "2026-02-30"/);
  });

  it('costs a query with its variables resolved (defaults included) and caps aliases', async () => {
    const token = await apiTokenFor(api, district.id, 'cost');
    const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    const viaDefault = await api.gql(
      `query ($n: Int = 500) { ${aliases(20, `district(id: "${district.id}") { people(first: $n) { edges { node { id givenName familyName email } } } }`)} }`,
      {},
      token,
    );
    expect(viaDefault.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const viaValue = await api.gql(
      `query ($n: Int) { ${aliases(20, `district(id: "${district.id}") { people(first: $n) { edges { node { id givenName familyName email } } } }`)} }`,
      { n: 500 },
      token,
    );
    expect(viaValue.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const manyAliases = await api.gql(`{ ${aliases(101, `district(id: "${district.id}") { people(first: 0) { totalCount } }`)} }`, {}, token);
    expect(manyAliases.errors?.[0]).toMatchObject({
      message: 'Query has too many aliases: 101, the limit is 100. Split it into several queries.',
      extensions: { code: 'QUERY_TOO_COSTLY' },
    });
    const fine = await api.gql(`{ ${aliases(3, `district(id: "${district.id}") { people(first: 10) { totalCount } }`)} }`, {}, token);
    expect(fine.errors).toBeUndefined();
    expect(other.id).not.toBe(district.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminUserService } from '../../src/auth/admin-user.service.js';
import { AdminUser } from '../../src/auth/admin-user.entity.js';
import { ApiToken } from '../../src/auth/api-token.entity.js';
import { AdminRole } from '../../src/auth/roles.js';
import { runCli } from '../../src/cli/main.js';
import { CREDENTIALS_REVOKED } from '../../src/auth/credentials-revoked.js';
import { adminSession, PASSWORD, startApiServer, type ApiServer } from '../support/api-harness.js';
import { createDistrict, TEST_SECRET } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

describe.each(DIALECTS)('sign-in, sessions, API tokens, limits on %s', (dialect) => {
  let api: ApiServer;
  let districtId: number;
  let platform: string;

  beforeAll(async () => {
    api = await startApiServer(dialect, { tokenRateLimit: { limit: 5, windowMs: 60_000 }, queryLimits: { maxDepth: 8, maxCost: 2000 } });
    districtId = (await createDistrict(api.app, 'Token District', undefined, { students: 20 })).id;
    platform = await adminSession(api, 'root@homeroom.test', AdminRole.PLATFORM_ADMIN);
  });

  afterAll(async () => api?.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('store only a slow hash of the password, and refuse a wrong password like an unknown email', async () => {
    const user = await api.app.ds.getRepository(AdminUser).findOneByOrFail({ email: 'root@homeroom.test' });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const login = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    const wrong = await api.gql(login, { e: 'root@homeroom.test', p: 'wrong password!' });
    const unknown = await api.gql(login, { e: 'nobody@homeroom.test', p: 'wrong password!' });
    expect(wrong.errors?.[0]).toEqual(
      expect.objectContaining({ message: 'Wrong email or password', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('sign in with an httpOnly SameSite session cookie that authenticates the dashboard, until logout', async () => {
    const res = await post({
      query: 'mutation { login(email: "root@homeroom.test", password: "correct horse battery staple") { user { email role } expiresAt } }',
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^homeroom_session=hrs_[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(((await res.json()) as any).data.login.user).toEqual({ email: 'root@homeroom.test', role: 'PLATFORM_ADMIN' });
    const cookie = setCookie.split(';')[0];
    const me = await (await post({ query: '{ me { kind email role districtId } }' }, { cookie })).json();
    expect((me as any).data.me).toEqual({ kind: 'ADMIN', email: 'root@homeroom.test', role: 'PLATFORM_ADMIN', districtId: null });
    const out = await post({ query: 'mutation { logout }' }, { cookie });
    expect(out.headers.get('set-cookie')).toMatch(/homeroom_session=;/);
    expect(((await out.json()) as any).data.logout).toBe(true);
    const after = await (await post({ query: '{ me { email } districts { id } }' }, { cookie })).json();
    expect((after as any).data).toBeNull();
    expect((after as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('create a token whose secret is shown once and stored hashed; list it with last use; revoke it', async () => {
    const created = await api.gql(
      'mutation ($d: ID!) { createApiToken(districtId: $d, name: "LMS partner") { secret token { id name districtId prefix createdBy lastUsedAt } } }',
      { d: districtId },
      platform,
    );
    const { secret, token } = created.data.createApiToken;
    expect(secret).toMatch(/^hrt_/);
    expect(token).toEqual(
      expect.objectContaining({
        name: 'LMS partner',
        districtId: String(districtId),
        prefix: secret.slice(0, 12),
        createdBy: 'root@homeroom.test',
        lastUsedAt: null,
      }),
    );
    const stored = await api.app.ds.getRepository(ApiToken).findOneByOrFail({ id: Number(token.id) });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const read = await api.gql('query ($d: ID!) { district(id: $d) { name people(first: 1) { totalCount } } }', { d: districtId }, secret);
    expect(read.data.district.name).toBe('Token District');
    const listed = await api.gql('{ apiTokens { name lastUsedAt } }', {}, platform);
    expect(listed.data.apiTokens).toEqual([{ name: 'LMS partner', lastUsedAt: expect.any(String) }]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const write = await api.gql('mutation ($d: ID!) { startSync(input: { districtId: $d }) { run { id } } }', { d: districtId }, secret);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await api.gql('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id }, platform);
    const revoked = await post({ query: '{ districts { id } }' }, { authorization: `Bearer ${secret}` });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.gql('{ apiTokens { name } }', {}, platform)).data.apiTokens).toEqual([]);
  });

  it('apply a revocation made by another process (told over the PubSub) and a district change at once', async () => {
    const { secret, token } = (
      await api.gql('mutation ($d: ID!) { createApiToken(districtId: $d, name: "nightly pull") { secret token { id } } }', { d: districtId }, platform)
    ).data.createApiToken;
    const timezone = async () => (await api.gql('query ($d: ID!) { district(id: $d) { timezone } }', { d: districtId }, secret)).data?.district.timezone;
    const setTimezone = (tz: string) =>
      api.gql(
        'mutation ($d: ID!, $tz: String!) { updateDistrictSyncSettings(districtId: $d, input: { timezone: $tz }) { id } }',
        { d: districtId, tz },
        platform,
      );
    const before = await timezone();
    await setTimezone('America/Denver');
    expect(await timezone()).toBe('America/Denver');
    await setTimezone(before);
    expect(await timezone()).toBe(before);

    // Another API process revokes it: the row changes under this one, and the event arrives
    // through the shared PubSub (Redis in production).
    await api.app.ds.getRepository(ApiToken).update({ id: Number(token.id) }, { revokedAt: new Date() });
    api.app.pubsub.publish(CREDENTIALS_REVOKED, { kind: 'API_TOKEN', tokenId: Number(token.id) });
    await new Promise((r) => setTimeout(r, 50));
    const refused = await post({ query: '{ districts { id } }' }, { authorization: `Bearer ${secret}` });
    expect(refused.status).toBe(401);
  });

  it('limit each API token’s request rate with a clear 429 error', async () => {
    const secret = (await api.gql('mutation ($d: ID!) { createApiToken(districtId: $d, name: "busy") { secret } }', { d: districtId }, platform)).data
      .createApiToken.secret;
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 7; i++) {
      const res = await post({ query: '{ me { kind } }' }, { authorization: `Bearer ${secret}` });
      statuses.push(res.status);
      last = { body: await res.json(), retryAfter: res.headers.get('retry-after') };
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last.body.errors[0]).toEqual({
      message: expect.stringMatching(/^Rate limit exceeded: at most 5 requests per minute per API token; retry in \d+ s$/),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
    });
    expect(Number(last.retryAfter)).toBeGreaterThan(0);
    // Admin sessions are not rate limited.
    for (let i = 0; i < 7; i++) expect((await api.gql('{ me { kind } }', {}, platform)).errors).toBeUndefined();
  });

  it('refuse too deep and too costly queries with clear errors', async () => {
    const deep = await post(
      {
        query: `query ($d: ID!) { district(id: $d) { lastRun { district { lastRun { district { lastRun { district { lastRun { id } } } } } } } } }`,
        variables: { d: districtId },
      },
      { authorization: `Bearer ${platform}` },
    );
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as any).errors[0]).toEqual(
      expect.objectContaining({
        message: 'Query is too deep: 9 levels, the limit is 8. Split it into several queries.',
        extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP' }),
      }),
    );
    const costly = await api.gql(
      `query ($d: ID!, $n: Int) { district(id: $d) { sections(first: $n) { edges { node { students { givenName familyName email } teachers { person { givenName } } } } } } }`,
      { d: districtId, n: 500 },
      platform,
    );
    expect(costly.errors?.[0].message).toMatch(
      /^Query is too costly: about \d+ fields, the limit is 2000\. Ask for smaller pages \(first\) or fewer nested fields\.$/,
    );
    expect(costly.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    // A section's students (a plain list) count as 100 rows each: 10 sections × ~100 fields fit in 2000.
    const fine = await api.gql(
      `query ($d: ID!) { district(id: $d) { sections(first: 10) { edges { node { students { givenName } } } } } }`,
      { d: districtId },
      platform,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('create admins and tokens from the command line', async () => {
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(`ERR ${l}`),
      env: { DATABASE_URL: api.db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' },
    };
    expect(await runCli(['admin', 'create', '--email', 'Ops@District.test', '--role', 'district_admin', '--district', String(districtId), '--json'], io)).toBe(
      0,
    );
    const created = JSON.parse(lines.pop()!);
    expect(created).toEqual({ id: expect.any(Number), email: 'ops@district.test', role: 'DISTRICT_ADMIN', districtId, password: expect.any(String) });
    const login = await api.app.ds.transaction(() => new AdminUserService(api.app.ds).login('ops@district.test', created.password));
    expect(login.user.role).toBe(AdminRole.DISTRICT_ADMIN);
    expect(await runCli(['admin', 'create', '--email', 'x@y.test', '--role', 'district_admin'], io)).toBe(2);
    expect(await runCli(['token', 'create', '--district', 'Token District', '--name', 'SIS export', '--json'], io)).toBe(0);
    const token = JSON.parse(lines.pop()!);
    const res = await api.gql('{ me { kind tokenName districtId } }', {}, token.token);
    expect(res.data.me).toEqual({ kind: 'API_TOKEN', tokenName: 'SIS export', districtId: String(districtId) });
  });
});

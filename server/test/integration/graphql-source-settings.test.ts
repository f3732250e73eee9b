import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { startFakeOneRosterServer, type FakeOneRosterServer } from '../../src/fake-oneroster/fake-oneroster.server.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { adminSession, startApiServer, type ApiServer } from '../support/api-harness.js';
import { DIALECTS } from '../support/test-database.js';

const SECRET = 'oneroster-secret-9f8e7d';
const CREATE = `mutation ($input: NewDistrictInput!) { createDistrict(input: $input) { id name sourceKind timezone
  source { kind location clientId auth tokenUrl secrets { name set changedAt } } } }`;
const TEST = `mutation ($kind: SourceKind!, $input: SourceSettingsInput!, $d: ID) { testSourceSettings(sourceKind: $kind, input: $input, districtId: $d) {
  ok message districtName counts { entity count } hostKey } }`;
const UPDATE = `mutation ($d: ID!, $input: SourceSettingsInput!) { updateDistrictSource(districtId: $d, input: $input) {
  source { location clientId secrets { name set changedAt } } } }`;

describe.each(DIALECTS)('source settings over GraphQL on %s', (dialect) => {
  let api: ApiServer;
  let fake: FakeOneRosterServer;
  let platform: string;
  let support: string;

  beforeAll(async () => {
    api = await startApiServer(dialect);
    fake = await startFakeOneRosterServer({ clientId: 'hr-client', clientSecret: SECRET, students: 120, seed: 2 });
    platform = await adminSession(api, 'platform@source.test', AdminRole.PLATFORM_ADMIN);
    support = await adminSession(api, 'support@source.test', AdminRole.SUPPORT);
  });
  afterAll(async () => {
    await fake?.close();
    await api?.close();
  });

  it('a platform admin tests settings before saving, sees the counts, and creates the district; secrets are never returned', async () => {
    const input = { url: fake.url, clientId: 'hr-client', clientSecret: 'wrong' };
    const failed = await api.gql(TEST, { kind: 'ONEROSTER_API', input }, platform);
    expect(failed.data.testSourceSettings).toMatchObject({
      ok: false,
      message: `The OneRoster token URL ${fake.url}/token rejected client id "hr-client" and its secret (401)`,
      counts: [],
    });
    const ok = await api.gql(TEST, { kind: 'ONEROSTER_API', input: { ...input, clientSecret: SECRET } }, platform);
    expect(ok.data.testSourceSettings).toMatchObject({ ok: true, districtName: 'Fake OneRoster District' });
    expect(ok.data.testSourceSettings.counts).toContainEqual({ entity: 'schools', count: 1 });
    expect(await api.app.ds.query('SELECT id FROM district')).toEqual([]);

    const missing = await api.gql(
      CREATE,
      { input: { name: 'Oak Ridge', sourceKind: 'ONEROSTER_API', source: { url: fake.url, clientId: 'hr-client' } } },
      platform,
    );
    expect(missing.errors?.[0]).toMatchObject({
      message: 'A oneroster-api district needs the client secret (--client-secret): the OAuth client secret',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const created = await api.gql(
      CREATE,
      {
        input: {
          name: 'Oak Ridge',
          timezone: 'America/Denver',
          sourceKind: 'ONEROSTER_API',
          source: { url: fake.url, clientId: 'hr-client', clientSecret: SECRET },
        },
      },
      platform,
    );
    expect(created.errors).toBeUndefined();
    const d = created.data.createDistrict;
    expect(d).toMatchObject({
      name: 'Oak Ridge',
      sourceKind: 'ONEROSTER_API',
      timezone: 'America/Denver',
      source: { kind: 'ONEROSTER_API', location: fake.url, clientId: 'hr-client', auth: null, tokenUrl: null },
    });
    expect(d.source.secrets).toContainEqual({ name: 'clientSecret', set: true, changedAt: expect.stringMatching(/^\d{4}-/) });
    expect(d.source.secrets).toContainEqual({ name: 'token', set: false, changedAt: null });
    for (const r of [failed, ok, missing, created]) expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('a district admin replaces one secret without retyping the others; others cannot create or read sources', async () => {
    const service = new DistrictService(api.app.ds, api.app.config.secretKey);
    const d = await service.create({
      name: 'Pine Valley',
      sourceKind: 'oneroster-csv' as never,
      source: { path: 'sftp://sis@127.0.0.1:2222/exports/', password: 'first-password', hostKey: `SHA256:${'B'.repeat(43)}` },
    });
    const admin = await adminSession(api, 'admin@pine.test', AdminRole.DISTRICT_ADMIN, d.id);
    const before = (await api.gql(`query ($d: ID!) { district(id: $d) { source { secrets { name set changedAt } } } }`, { d: d.id }, admin)).data.district
      .source.secrets;
    const password = before.find((s: { name: string }) => s.name === 'password');
    expect(password.set).toBe(true);

    await new Promise((r) => setTimeout(r, 20));
    const keyOnly = await api.gql(
      UPDATE,
      { d: d.id, input: { privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n', password: '' } },
      admin,
    );
    expect(keyOnly.errors).toBeUndefined();
    const after = keyOnly.data.updateDistrictSource.source.secrets;
    expect(after.find((s: { name: string }) => s.name === 'password')).toEqual(password); // kept, same time
    expect(after.find((s: { name: string }) => s.name === 'privateKey')).toMatchObject({ set: true, changedAt: expect.any(String) });
    const stored = service.sourceConfig((await service.find(d.id))!);
    expect([stored.password, stored.privateKey?.startsWith('-----BEGIN OPENSSH')]).toEqual(['first-password', true]);

    const local = await api.gql(UPDATE, { d: d.id, input: { path: '/etc' } }, admin);
    expect(local.errors?.[0]).toMatchObject({
      message: 'Only a platform admin can point a district at a path on the Homeroom server; use an sftp:// or https:// location',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badKey = await api.gql(UPDATE, { d: d.id, input: { hostKey: 'md5:aa:bb' } }, admin);
    expect(badKey.errors?.[0].message).toMatch(/^The host key \(--host-key\) must be a SHA256 fingerprint/);
    const forbidden = await api.gql(CREATE, { input: { name: 'Nope', sourceKind: 'DEMO', source: {} } }, admin);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const supportRead = await api.gql(`query ($d: ID!) { district(id: $d) { name source { location } } }`, { d: d.id }, support);
    expect(supportRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await service.create({ name: 'Elsewhere', sourceKind: 'demo' as never, source: { students: 10 } });
    const otherAdmin = await adminSession(api, 'admin@other.test', AdminRole.DISTRICT_ADMIN, other.id);
    expect((await api.gql(UPDATE, { d: d.id, input: { path: '/tmp/x' } }, otherAdmin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify([before, keyOnly])).not.toContain('first-password');
  });
});

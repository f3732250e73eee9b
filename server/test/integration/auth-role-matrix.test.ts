import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiTokenService } from '../../src/auth/api-token.service.js';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictScope } from '../../src/auth/viewer.js';
import type { District } from '../../src/roster/district.entity.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { adminSession, apiTokenFor, PASSWORD, startApiServer, type ApiServer } from '../support/api-harness.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const ROLES = ['platform', 'support', 'adminA', 'adminB', 'tokenA', 'anonymous'] as const;
type Role = (typeof ROLES)[number];
/** ok: answered without error; C: passed authorization, refused as CONFLICT; NF / F / U: NOT_FOUND, FORBIDDEN, UNAUTHENTICATED. */
type Outcome = 'ok' | 'C' | 'NF' | 'F' | 'U';
const CODES: Record<string, Outcome> = { NOT_FOUND: 'NF', FORBIDDEN: 'F', UNAUTHENTICATED: 'U', CONFLICT: 'C' };

interface Operation {
  name: string;
  query: string;
  variables?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Expected outcome per role, in ROLES order. */
  expect: string;
}

describe.each(DIALECTS)('role matrix: every query and mutation for every kind of caller on %s', (dialect) => {
  let api: ApiServer;
  let a: District;
  let b: District;
  let firstRunA: SyncRun;
  let lastRunA: SyncRun;
  const bearer: Record<Role, string | null> = { platform: null, support: null, adminA: null, adminB: null, tokenA: null, anonymous: null };

  beforeAll(async () => {
    api = await startApiServer(dialect);
    a = await createDistrict(api.app, 'District A', undefined, { students: 40 });
    b = await createDistrict(api.app, 'District B', undefined, { students: 40, seed: 7 });
    firstRunA = await sync(api.app, a.id);
    lastRunA = await sync(api.app, a.id);
    await sync(api.app, b.id);
    bearer.platform = await adminSession(api, 'platform@homeroom.test', AdminRole.PLATFORM_ADMIN);
    bearer.support = await adminSession(api, 'support@homeroom.test', AdminRole.SUPPORT);
    bearer.adminA = await adminSession(api, 'admin@a.test', AdminRole.DISTRICT_ADMIN, a.id);
    bearer.adminB = await adminSession(api, 'admin@b.test', AdminRole.DISTRICT_ADMIN, b.id);
    bearer.tokenA = await apiTokenFor(api, a.id, 'Partner of A');
  });

  afterAll(async () => api?.close());

  const operations = (): Operation[] => [
    { name: 'me', query: '{ me { kind } }', expect: 'ok ok ok ok ok ok' },
    { name: 'districts', query: '{ districts { id name } }', expect: 'ok ok ok ok ok U' },
    { name: 'district', query: 'query ($id: ID!) { district(id: $id) { name schedule } }', variables: () => ({ id: a.id }), expect: 'ok ok ok NF ok U' },
    {
      name: 'district roster (sections with teachers, students; people; terms; courses; enrollments; schools)',
      query: `query ($id: ID!) { district(id: $id) {
        sections(first: 2) { totalCount edges { node { name school { name } term { name } course { name } teachers { primary person { givenName } } students { givenName } } } }
        people(first: 2, role: TEACHER, search: "a") { totalCount edges { node { sourceId schools { name } } } }
        terms { totalCount } courses { totalCount } schools { totalCount }
        enrollments(first: 2) { totalCount edges { node { role primary section { name } person { sourceId } } } } } }`,
      variables: () => ({ id: a.id }),
      expect: 'ok ok ok NF ok U',
    },
    {
      name: 'district roster with deleted rows',
      query: 'query ($id: ID!) { district(id: $id) { people(includeDeleted: true) { totalCount } } }',
      variables: () => ({ id: a.id }),
      expect: 'ok ok ok NF F U',
    },
    {
      name: 'district.notifyEmails',
      query: 'query ($id: ID!) { district(id: $id) { notifyEmails } }',
      variables: () => ({ id: a.id }),
      expect: 'ok ok ok NF F U',
    },
    {
      name: 'district.fieldMappings',
      query: 'query ($id: ID!) { district(id: $id) { fieldMappings { targetField } } }',
      variables: () => ({ id: a.id }),
      expect: 'ok ok ok NF F U',
    },
    {
      name: 'district.lastRun',
      query: 'query ($id: ID!) { district(id: $id) { lastRun { id } } }',
      variables: () => ({ id: a.id }),
      expect: 'ok ok ok NF F U',
    },
    { name: 'syncRuns', query: '{ syncRuns { totalCount } }', expect: 'ok ok ok ok F U' },
    {
      name: 'syncRun with counts, changes, issues, plan, new people',
      query: `query ($id: ID!) { syncRun(id: $id) { status district { name } counts { entity created } issueCounts { code count }
        changes { totalCount edges { node { action fields { field before after } } } } issues { totalCount } plan { totalCount }
        newTeachers { totalCount } newStudents { totalCount } } }`,
      variables: () => ({ id: firstRunA.id }),
      expect: 'ok ok ok NF F U',
    },
    {
      name: 'whyNotSynced',
      query: 'query ($id: ID!) { whyNotSynced(districtId: $id, sourceId: "nobody") { presence explanation } }',
      variables: () => ({ id: a.id }),
      expect: 'ok ok ok NF F U',
    },
    { name: 'apiTokens', query: 'query ($id: ID) { apiTokens(districtId: $id) { name } }', variables: () => ({ id: a.id }), expect: 'ok F ok ok F U' },
    {
      name: 'updateDistrictSyncSettings',
      query: 'mutation ($id: ID!) { updateDistrictSyncSettings(districtId: $id, input: { notifyEmails: ["ops@a.test"] }) { notifyEmails } }',
      variables: () => ({ id: a.id }),
      expect: 'ok F ok NF F U',
    },
    {
      name: 'testDistrictConnection',
      query: 'mutation ($id: ID!) { testDistrictConnection(districtId: $id) { ok } }',
      variables: () => ({ id: a.id }),
      expect: 'ok F ok NF F U',
    },
    {
      name: 'cancelSync (of a finished run)',
      query: 'mutation ($id: ID!) { cancelSync(runId: $id) { id } }',
      variables: () => ({ id: lastRunA.id }),
      expect: 'C F C NF F U',
    },
    {
      name: 'revertSyncRun (of a run that is not the latest)',
      query: 'mutation ($id: ID!) { revertSyncRun(runId: $id) { run { id } } }',
      variables: () => ({ id: firstRunA.id }),
      expect: 'C F C NF F U',
    },
    {
      name: 'createApiToken',
      query: 'mutation ($id: ID!) { createApiToken(districtId: $id, name: "matrix") { secret } }',
      variables: () => ({ id: a.id }),
      expect: 'ok F ok NF F U',
    },
    {
      name: 'revokeApiToken',
      query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
      variables: async () => ({ id: (await new ApiTokenService(api.app.ds).create(DistrictScope.all(), { districtId: a.id, name: 'to revoke' })).token.id }),
      expect: 'ok F ok NF F U',
    },
    {
      name: 'createAdminUser',
      query: 'mutation ($e: String!, $p: String!) { createAdminUser(email: $e, password: $p, role: SUPPORT) { id } }',
      variables: () => ({ e: `new-${Math.random().toString(36).slice(2)}@homeroom.test`, p: PASSWORD }),
      expect: 'ok F F F F U',
    },
    // Last: it queues real runs (a dry run, so the roster is untouched).
    {
      name: 'startSync',
      query: 'mutation ($id: ID!) { startSync(input: { districtId: $id, dryRun: true }) { run { id } alreadyRunning } }',
      variables: () => ({ id: a.id }),
      expect: 'ok F ok NF F U',
    },
  ];

  it('answers each operation for each caller exactly as allowed or denied', async () => {
    const expected: Record<string, Record<Role, Outcome>> = {};
    const actual: Record<string, Record<Role, Outcome | string>> = {};
    for (const op of operations()) {
      const want = op.expect.split(' ') as Outcome[];
      expected[op.name] = Object.fromEntries(ROLES.map((r, i) => [r, want[i]])) as Record<Role, Outcome>;
      actual[op.name] = {} as Record<Role, Outcome>;
      for (const role of ROLES) {
        const res = await api.gql(op.query, await op.variables?.(), bearer[role]);
        const code = res.errors?.[0]?.extensions?.code as string | undefined;
        actual[op.name][role] = res.errors ? (CODES[code ?? ''] ?? `${code}: ${res.errors[0].message}`) : 'ok';
      }
    }
    expect(actual).toEqual(expected);
    await api.launcher.close();
  });

  it('shows each caller only its own districts and runs', async () => {
    const names = async (role: Role) => (await api.gql('{ districts { name } }', {}, bearer[role])).data.districts.map((d: District) => d.name);
    expect(await names('platform')).toEqual(['District A', 'District B']);
    expect(await names('support')).toEqual(['District A', 'District B']);
    expect(await names('adminA')).toEqual(['District A']);
    expect(await names('adminB')).toEqual(['District B']);
    expect(await names('tokenA')).toEqual(['District A']);
    const runs = async (role: Role) =>
      (await api.gql('{ syncRuns(first: 100) { edges { node { districtId } } } }', {}, bearer[role])).data.syncRuns.edges.map((e: any) =>
        Number(e.node.districtId),
      );
    expect(new Set(await runs('adminB'))).toEqual(new Set([b.id]));
    expect(new Set(await runs('support'))).toEqual(new Set([a.id, b.id]));
    const filtered = await api.gql('query ($id: ID) { syncRuns(districtId: $id) { totalCount } }', { id: a.id }, bearer.adminB);
    expect(filtered.data.syncRuns.totalCount).toBe(0);
  });

  it('answers an out-of-scope record exactly like a missing one', async () => {
    const q = 'query ($id: ID!) { district(id: $id) { name } }';
    const hidden = await api.gql(q, { id: a.id }, bearer.adminB);
    const missing = await api.gql(q, { id: 987654 }, bearer.adminB);
    expect(hidden.errors?.[0].message).toBe(`District ${a.id} was not found`);
    expect(missing.errors?.[0].message).toBe('District 987654 was not found');
    expect(hidden.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
    const run = await api.gql('query ($id: ID!) { syncRun(id: $id) { id } }', { id: firstRunA.id }, bearer.adminB);
    expect(run.errors?.[0]).toEqual(
      expect.objectContaining({ message: `Sync run ${firstRunA.id} was not found`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
  });
});

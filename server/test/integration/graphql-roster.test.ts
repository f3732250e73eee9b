import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { District } from '../../src/roster/district.entity.js';
import { Person } from '../../src/roster/person.entity.js';
import { PersonRole, SourceKind } from '../../src/roster/roster-enums.js';
import { School } from '../../src/roster/school.entity.js';
import { Section } from '../../src/roster/section.entity.js';
import { Term } from '../../src/roster/term.entity.js';
import { Course } from '../../src/roster/course.entity.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import type { RunningHttpServer } from '../../src/http/http-server.js';
import { startApiServer, type ApiServer, type GraphQLResponse } from '../support/api-harness.js';
import { DIALECTS, type TestDatabase } from '../support/test-database.js';
import { makeDistrict, makeRun, makeSchool } from '../support/factories.js';
import { AdminUserService } from '../../src/auth/admin-user.service.js';
import { AdminRole } from '../../src/auth/roles.js';

describe.each(DIALECTS)('GraphQL roster API over HTTP on %s', (dialect) => {
  let api: ApiServer;
  let db: TestDatabase;
  let server: RunningHttpServer;
  let lincoln: District;
  let other: District;
  let deletedSchool: School;
  let deletedStudent: Person;
  let deletedSection: Section;
  let runIds: number[];
  let bearer: string;

  const gql = <T = any>(query: string, variables: Record<string, unknown> = {}) => api.gql<T>(query, variables, bearer);

  async function seed(): Promise<void> {
    const ds = db.ds;
    const base = { createdByRunId: null, updatedByRunId: null, lastSeenRunId: null, deletedAt: null, deletedByRunId: null };
    lincoln = await makeDistrict(ds, {
      name: 'Lincoln Unified',
      sourceKind: SourceKind.CLEVER_API,
      sourceConfigEncrypted: 'secret-token-ciphertext',
      schoolSelection: null,
      syncExpiresAt: '2027-06-30',
    });
    other = await makeDistrict(ds, { name: 'Adams County' });
    const schools = await ds.getRepository(School).save(
      ['Alpha Elementary', 'Birch Middle', 'Cedar High', 'Dogwood Academy', 'Elm Primary'].map((name, i) => ({
        ...base,
        districtId: lincoln.id,
        sourceId: `sch-${i}`,
        name,
        deletedAt: i === 2 ? new Date('2026-01-05T00:00:00Z') : null,
      })),
    );
    deletedSchool = schools[2];
    await makeSchool(ds, other, { sourceId: 'sch-0', name: 'Adams High' });
    const people = await ds.getRepository(Person).save([
      ...['Ada', 'Ben', 'Cara', 'Dev'].map((givenName, i) => ({
        ...base,
        districtId: lincoln.id,
        sourceId: `stu-${i}`,
        role: PersonRole.STUDENT,
        givenName,
        familyName: 'Student',
        grade: '5',
        deletedAt: i === 1 ? new Date('2026-01-05T00:00:00Z') : null,
      })),
      ...['Tess', 'Tom'].map((givenName, i) => ({
        ...base,
        districtId: lincoln.id,
        sourceId: `tea-${i}`,
        role: PersonRole.TEACHER,
        givenName,
        familyName: 'Teacher',
        email: `${givenName.toLowerCase()}@lincoln.example`,
      })),
    ]);
    deletedStudent = people[1];
    const term = await ds
      .getRepository(Term)
      .save({ ...base, districtId: lincoln.id, sourceId: 'term-1', name: 'Fall 2026', startDate: '2026-08-20', endDate: '2026-12-20' });
    const course = await ds.getRepository(Course).save({ ...base, districtId: lincoln.id, sourceId: 'crs-1', name: 'Algebra I', number: 'MA101' });
    const sections = await ds.getRepository(Section).save(
      [0, 1, 2].map((i) => ({
        ...base,
        districtId: lincoln.id,
        sourceId: `sec-${i}`,
        schoolId: schools[0].id,
        courseId: i === 0 ? course.id : null,
        termId: i === 0 ? term.id : null,
        name: `Section ${i}`,
        period: String(i + 1),
        deletedAt: i === 1 ? new Date('2026-01-05T00:00:00Z') : null,
      })),
    );
    deletedSection = sections[1];
    // Three runs share one createdAt second (SQLite precision): id breaks the tie.
    const same = new Date('2026-03-01T02:00:00Z');
    const runs = await ds.getRepository(SyncRun).save(
      [new Date('2026-02-01T02:00:00Z'), same, same, same, new Date('2026-03-02T02:00:00Z')].map((createdAt, i) => ({
        districtId: lincoln.id,
        activeDistrictId: null,
        mode: i === 4 ? SyncMode.RESET : SyncMode.EDIT,
        dryRun: false,
        trigger: SyncTrigger.SCHEDULED,
        requestedBy: null,
        status: SyncStatus.LAUNCHED,
        phase: null,
        counts: {
          schools: { created: 5, updated: i, deleted: 0, restored: 0, unchanged: 0 },
          people: { created: 6, updated: 0, deleted: 1, restored: 0, unchanged: 2 },
        },
        createdAt,
        startedAt: createdAt,
        finishedAt: createdAt,
      })),
    );
    await makeRun(ds, other, {
      dryRun: true,
      requestedBy: 'admin@adams.example',
      status: SyncStatus.IN_PROGRESS,
      progress: { processed: {}, total: {}, percent: 42.5, etaSeconds: 10 },
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    runIds = runs.map((r) => r.id);
  }

  beforeAll(async () => {
    // The shared API harness: a real server on port 0 over a fresh database.
    api = await startApiServer(dialect, { env: { LOG_LEVEL: 'silent' } });
    db = api.db;
    server = api.server;
    await seed();
    bearer = (
      await new AdminUserService(db.ds)
        .create({ email: 'root@homeroom.test', password: 'root-password-123', role: AdminRole.PLATFORM_ADMIN })
        .then(() => new AdminUserService(db.ds).login('root@homeroom.test', 'root-password-123'))
    ).secret;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('listen on the port the system picked for port 0', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('list districts by name with their settings', async () => {
    const res = await gql(`{ districts { id name sourceKind timezone schedule syncEnabled syncExpiresAt schoolSelection resetDeleteThreshold } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.districts).toEqual([
      expect.objectContaining({ id: String(other.id), name: 'Adams County', sourceKind: 'DEMO' }),
      {
        id: String(lincoln.id),
        name: 'Lincoln Unified',
        sourceKind: 'CLEVER_API',
        timezone: 'America/New_York',
        schedule: '0 2 * * *',
        syncEnabled: true,
        syncExpiresAt: '2027-06-30',
        schoolSelection: null,
        resetDeleteThreshold: 10,
      },
    ]);
  });

  it('never expose the source configuration', async () => {
    const res = await gql(`{ districts { sourceConfigEncrypted } }`);
    expect(res.errors?.[0].message).toMatch(/Cannot query field "sourceConfigEncrypted"/);
    expect(JSON.stringify(await gql(`{ districts { id name } }`))).not.toContain('secret-token');
  });

  it('answer NOT_FOUND for an unknown district id', async () => {
    const res = await gql(`query ($id: ID!) { district(id: $id) { id } }`, { id: '999999' });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]).toEqual(
      expect.objectContaining({ message: 'District 999999 was not found', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
    expect((await gql(`{ district(id: "not-a-number") { id } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('page through schools with cursors, leaving out deleted schools', async () => {
    const query = `query ($id: ID!, $after: String) {
      district(id: $id) { schools(first: 2, after: $after) { totalCount edges { cursor node { name sourceId } } pageInfo { hasNextPage endCursor } } }
    }`;
    const names: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const res: GraphQLResponse = await gql(query, { id: String(lincoln.id), after });
      expect(res.errors).toBeUndefined();
      const conn = res.data.district.schools;
      expect(conn.totalCount).toBe(4);
      names.push(...conn.edges.map((e: any) => e.node.name));
      pages.push(conn.pageInfo.hasNextPage);
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(names).toEqual(['Alpha Elementary', 'Birch Middle', 'Dogwood Academy', 'Elm Primary']);
    expect(names).not.toContain(deletedSchool.name);
    expect(pages).toEqual([true, false]);
  });

  it('count without fetching rows when first is 0', async () => {
    const res = await gql(
      `query ($id: ID!) { district(id: $id) {
      schools(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
      sections(first: 0) { totalCount }
      people(first: 0) { totalCount }
      students: people(first: 0, role: STUDENT) { totalCount }
      teachers: people(first: 0, role: TEACHER) { totalCount }
    } }`,
      { id: String(lincoln.id) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.district).toEqual({
      schools: { totalCount: 4, edges: [], pageInfo: { hasNextPage: true, endCursor: null } },
      sections: { totalCount: 2 },
      people: { totalCount: 5 },
      students: { totalCount: 3 },
      teachers: { totalCount: 2 },
    });
  });

  it('filter people by role and leave out deleted people', async () => {
    const res = await gql(`query ($id: ID!) { district(id: $id) { people(role: STUDENT) { totalCount edges { node { givenName role sourceId } } } } }`, {
      id: String(lincoln.id),
    });
    const people = res.data.district.people;
    expect(people.edges.map((e: any) => e.node.givenName)).toEqual(['Ada', 'Cara', 'Dev']);
    expect(people.edges.every((e: any) => e.node.role === 'STUDENT')).toBe(true);
    expect(people.edges.map((e: any) => e.node.sourceId)).not.toContain(deletedStudent.sourceId);
  });

  it('resolve a section’s school, course and term, leaving out deleted sections', async () => {
    const res = await gql(
      `query ($id: ID!) { district(id: $id) { sections { totalCount edges { node {
      name sourceId school { name } course { name number } term { name startDate endDate }
    } } } } }`,
      { id: String(lincoln.id) },
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.district.sections.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.sourceId)).toEqual(['sec-0', 'sec-2']);
    expect(nodes.map((n: any) => n.sourceId)).not.toContain(deletedSection.sourceId);
    expect(nodes[0]).toEqual({
      name: 'Section 0',
      sourceId: 'sec-0',
      school: { name: 'Alpha Elementary' },
      course: { name: 'Algebra I', number: 'MA101' },
      term: { name: 'Fall 2026', startDate: '2026-08-20', endDate: '2026-12-20' },
    });
    expect(nodes[1]).toEqual(expect.objectContaining({ course: null, term: null }));
  });

  it('keep one district’s roster out of another’s', async () => {
    const res = await gql(`query ($id: ID!) { district(id: $id) { schools { totalCount edges { node { name } } } people { totalCount } } }`, {
      id: String(other.id),
    });
    expect(res.data.district).toEqual({ schools: { totalCount: 1, edges: [{ node: { name: 'Adams High' } }] }, people: { totalCount: 0 } });
  });

  it('reject a bad cursor or page size as user input errors', async () => {
    const bad = await gql(`query ($id: ID!) { district(id: $id) { schools(after: "nope!") { totalCount } } }`, { id: String(lincoln.id) });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await gql(`query ($id: ID!) { district(id: $id) { schools(first: 100000) { totalCount } } }`, { id: String(lincoln.id) });
    expect(big.errors?.[0].message).toMatch(/first must be from 0 to 500/);
  });

  it('list sync runs newest first (createdAt, then id) with cursor pages', async () => {
    const query = `query ($districtId: ID, $after: String) { syncRuns(districtId: $districtId, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id districtId mode status createdAt percent counts { entity created updated deleted restored unchanged } } }
    } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await gql(query, { districtId: String(lincoln.id), after });
      expect(res.errors).toBeUndefined();
      const conn = res.data.syncRuns;
      expect(conn.totalCount).toBe(5);
      seen.push(...conn.edges.map((e: any) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const [first, second, third, fourth, fifth] = runIds.map(String);
    expect(seen).toEqual([fifth, fourth, third, second, first]);

    const latest = await gql(
      `{ syncRuns(first: 1) { edges { node { id mode percent createdAt counts { entity created updated deleted restored unchanged } } } } }`,
    );
    expect(latest.data.syncRuns.edges[0].node).toEqual({
      id: fifth,
      mode: 'RESET',
      percent: 100,
      createdAt: '2026-03-02T02:00:00.000Z',
      counts: [
        { entity: 'schools', created: 5, updated: 4, deleted: 0, restored: 0, unchanged: 0 },
        { entity: 'people', created: 6, updated: 0, deleted: 1, restored: 0, unchanged: 2 },
      ],
    });
  });

  it('list every district’s runs without a districtId, and report progress of a running one', async () => {
    const res = await gql(`{ syncRuns { totalCount edges { node { districtId status percent requestedBy dryRun trigger counts { entity } } } } }`);
    expect(res.data.syncRuns.totalCount).toBe(6);
    expect(res.data.syncRuns.edges.at(-1).node).toEqual({
      districtId: String(other.id),
      status: 'IN_PROGRESS',
      percent: 42.5,
      requestedBy: 'admin@adams.example',
      dryRun: true,
      trigger: 'MANUAL',
      counts: [],
    });
  });

  it('refuse a GET query without a preflight header (CSRF prevention) and accept one with it', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ districts { name } }')}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${bearer}` } });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as GraphQLResponse).data.districts).toHaveLength(2);
  });

  it('accept graphql-ws connections on /graphql and run an operation over them', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: any[] = [];
    const done = new Promise<void>((resolve, reject) => {
      ws.on('error', reject);
      ws.on('message', (raw) => {
        const msg = JSON.parse(raw.toString());
        messages.push(msg);
        if (msg.type === 'connection_ack') {
          ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ districts { name } }' } }));
        }
        if (msg.type === 'complete') resolve();
      });
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    expect(ws.protocol).toBe('graphql-transport-ws');
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bearer}` } }));
    await done;
    ws.close();
    expect(messages[0]).toEqual({ type: 'connection_ack' });
    expect(messages[1]).toEqual({ id: '1', type: 'next', payload: { data: { districts: [{ name: 'Adams County' }, { name: 'Lincoln Unified' }] } } });
  });

  it('answer /healthz with 200 while the database answers, then 503 once it is gone', async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    await db.ds.destroy();
    const down = await fetch(`${server.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual(expect.objectContaining({ status: 'unavailable' }));
  });
});

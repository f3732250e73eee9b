import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { PersonRole } from '../../src/roster/roster-enums.js';
import { SyncMode } from '../../src/sync/sync-enums.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { adminSession, startApiServer, waitFor, type ApiServer } from '../support/api-harness.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

describe.each(DIALECTS)('sync over the API on %s', (dialect) => {
  let api: ApiServer;
  let districtId: number;
  let admin: string;
  let support: string;
  let source: FixtureSource;
  let first: SyncRun;

  beforeAll(async () => {
    api = await startApiServer(dialect);
    districtId = (await createDistrict(api.app, 'Fixture District')).id;
    admin = await adminSession(api, 'admin@fixture.test', AdminRole.DISTRICT_ADMIN, districtId);
    support = await adminSession(api, 'support@homeroom.test', AdminRole.SUPPORT);
    source = new FixtureSource(smallDistrict());
    source.data.people.push({
      sourceId: 'T-12',
      role: PersonRole.TEACHER,
      schoolSourceIds: [],
      fields: { givenName: 'Tom', familyName: 'Nowhere', email: 'tom@example.org' },
    });
    first = await sync(api.app, districtId, { source });
  });

  afterAll(async () => api?.close());

  it('explain why a record is or is not synced', async () => {
    const why = (args: string) =>
      api.gql(
        `query ($d: ID!) { whyNotSynced(districtId: $d, ${args}) { presence entityType sourceId explanation runId issues { code severity } } }`,
        { d: districtId },
        support,
      );
    expect((await why('sourceId: "T-12"')).data.whyNotSynced).toEqual({
      presence: 'NOT_SYNCED',
      entityType: 'people',
      sourceId: 'T-12',
      runId: String(first.id),
      explanation: 'Teacher Tom Nowhere (T-12, tom@example.org) is assigned to the district but to no school; teachers must belong to a synced school.',
      issues: [{ code: 'TEACHER_NO_SCHOOL', severity: 'ERROR' }],
    });
    // Support often has only the teacher's email: a teacher assigned only to the district is found by it too.
    expect((await why('email: "Tom@Example.org"')).data.whyNotSynced).toEqual(
      expect.objectContaining({
        presence: 'NOT_SYNCED',
        sourceId: 'T-12',
        issues: [{ code: 'TEACHER_NO_SCHOOL', severity: 'ERROR' }],
      }),
    );
    expect((await why('email: "T1@Example.org"')).data.whyNotSynced).toEqual(
      expect.objectContaining({
        presence: 'SYNCED',
        sourceId: 'T1',
        explanation: `Teacher Ada Lovelace (T1) is in the roster (last seen by run ${first.id}).`,
      }),
    );
    expect((await why('sourceId: "SECOLD"')).data.whyNotSynced).toEqual(
      expect.objectContaining({ presence: 'NOT_SYNCED', entityType: 'sections', issues: [{ code: 'NOT_ACTIVE', severity: 'WARNING' }] }),
    );
    expect((await why('sourceId: "NOPE-1"')).data.whyNotSynced).toEqual(
      expect.objectContaining({ presence: 'UNKNOWN', explanation: expect.stringContaining(`the last sync (run ${first.id}) reported no issue about it`) }),
    );
    expect((await why('')).errors?.[0]).toEqual(
      expect.objectContaining({ message: 'Give a sourceId or an email', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('report a run’s counts, issues by code, and new teachers and students', async () => {
    const res = await api.gql(
      `query ($id: ID!) { syncRun(id: $id) {
      status counts { entity created } issueCounts { code count }
      issues(code: "TEACHER_NO_SCHOOL") { totalCount edges { node { sourceId message } } }
      newTeachers { totalCount edges { node { sourceId } } } newStudents(first: 3) { totalCount pageInfo { hasNextPage } }
      plan { totalCount } } }`,
      { id: first.id },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const run = res.data.syncRun;
    expect(run.status).toBe('LAUNCHED');
    expect(run.counts).toContainEqual({ entity: 'people', created: 13 });
    expect(run.issueCounts).toContainEqual({ code: 'TEACHER_NO_SCHOOL', count: 1 });
    expect(run.issues).toEqual({ totalCount: 1, edges: [{ node: { sourceId: 'T-12', message: expect.stringContaining('no school') } }] });
    expect(run.newTeachers.edges.map((e: any) => e.node.sourceId)).toEqual(['T1', 'T2', 'T3']);
    expect(run.newStudents).toEqual({ totalCount: 10, pageInfo: { hasNextPage: true } });
    expect(run.plan).toBeNull();
  });

  it('show a dry run’s exact plan, then the applied change log, and revert the latest run', async () => {
    source.data.people[0].fields.email = 'ada@new.example.org';
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P10');
    const dry = await sync(api.app, districtId, { source, dryRun: true, mode: SyncMode.RESET });
    const planned = await api.gql(
      `query ($id: ID!) { syncRun(id: $id) { dryRun
      updates: plan(entityType: "people", action: UPDATE) { totalCount edges { node { sourceId action fields { field before after } } } }
      deletes: plan(action: DELETE) { edges { node { entityType sourceId } } } } }`,
      { id: dry.id },
      admin,
    );
    expect(planned.data.syncRun.updates).toEqual({
      totalCount: 1,
      edges: [{ node: { sourceId: 'T1', action: 'UPDATE', fields: [{ field: 'email', before: 'T1@example.org', after: 'ada@new.example.org' }] } }],
    });
    expect(planned.data.syncRun.deletes.edges.map((e: any) => `${e.node.entityType}:${e.node.sourceId}`)).toEqual(expect.arrayContaining(['people:P10']));

    const applied = await sync(api.app, districtId, { source });
    const log = await api.gql(
      `query ($id: ID!) { syncRun(id: $id) { changes(action: UPDATE) { edges { node { entityType sourceId fields { field before after } } } } } }`,
      { id: applied.id },
      support,
    );
    expect(log.data.syncRun.changes.edges).toEqual([
      { node: { entityType: 'people', sourceId: 'T1', fields: [{ field: 'email', before: 'T1@example.org', after: 'ada@new.example.org' }] } },
    ]);

    const stale = await api.gql('mutation ($id: ID!) { revertSyncRun(runId: $id) { run { id } } }', { id: first.id }, admin);
    expect(stale.errors?.[0]).toEqual(
      expect.objectContaining({
        message: `Only the latest sync can be reverted: run ${applied.id} came after run ${first.id}`,
        extensions: expect.objectContaining({ code: 'CONFLICT' }),
      }),
    );
    const reverted = await api.gql('mutation ($id: ID!) { revertSyncRun(runId: $id) { run { id trigger revertOfRunId status } } }', { id: applied.id }, admin);
    expect(reverted.data.revertSyncRun.run).toEqual(expect.objectContaining({ trigger: 'REVERT', revertOfRunId: String(applied.id), status: 'SCHEDULED' }));
    const revertId = Number(reverted.data.revertSyncRun.run.id);
    await waitFor(async () => (await new SyncRunService(api.app.ds).get(revertId))?.status === 'LAUNCHED', 30_000, 'revert launched');
    const ada = await api.gql('query ($d: ID!) { district(id: $d) { people(search: "lovelace") { edges { node { email } } } } }', { d: districtId }, admin);
    expect(ada.data.district.people.edges).toEqual([{ node: { email: 'T1@example.org' } }]);
    const history = await api.gql(
      'query ($d: ID!) { syncRuns(districtId: $d, trigger: [REVERT], status: [LAUNCHED]) { totalCount edges { node { id } } } }',
      { d: districtId },
      admin,
    );
    expect(history.data.syncRuns).toEqual({ totalCount: 1, edges: [{ node: { id: String(revertId) } }] });
    const none = await api.gql(
      'query ($d: ID!, $from: DateTimeISO) { syncRuns(districtId: $d, from: $from) { totalCount } }',
      { d: districtId, from: new Date(Date.now() + 3600_000).toISOString() },
      admin,
    );
    expect(none.data.syncRuns.totalCount).toBe(0);
  });

  it('filter the roster by role, school, search and deleted rows', async () => {
    const q = `query ($d: ID!, $school: ID) { district(id: $d) {
      teachers: people(role: TEACHER) { totalCount }
      inSchool: people(schoolId: $school) { totalCount }
      kid1: people(search: "KID1") { edges { node { givenName } } }
      all: people(includeDeleted: true, first: 0) { totalCount }
      live: people(first: 0) { totalCount }
      sections(search: "math", first: 1) { totalCount edges { node { teachers { primary person { sourceId } } students { sourceId } } } }
      enrollments(role: TEACHER) { totalCount } terms { edges { node { name } } } courses { edges { node { name } } } } }`;
    const schools = await api.gql('query ($d: ID!) { district(id: $d) { schools { edges { node { id sourceId } } } } }', { d: districtId }, admin);
    const s1 = schools.data.district.schools.edges.find((e: any) => e.node.sourceId === 'S1').node.id;
    const res = await api.gql(q, { d: districtId, school: s1 }, admin);
    expect(res.errors).toBeUndefined();
    const d = res.data.district;
    expect(d.teachers.totalCount).toBe(3);
    expect(d.inSchool.totalCount).toBe(7);
    expect(d.kid1.edges.map((e: any) => e.node.givenName)).toEqual(['Kid1', 'Kid10']);
    expect(d.sections.edges[0].node.teachers).toEqual([
      { primary: true, person: { sourceId: 'T1' } },
      { primary: false, person: { sourceId: 'T2' } },
    ]);
    expect(d.sections.edges[0].node.students).toHaveLength(5);
    expect(d.enrollments.totalCount).toBe(3);
    expect(d.terms.edges).toEqual([{ node: { name: 'Year' } }]);
    expect(d.live.totalCount).toBeLessThanOrEqual(d.all.totalCount);
  });

  it('change sync settings and field mappings, rejecting bad values with the reason', async () => {
    const m = `mutation ($d: ID!, $input: DistrictSyncSettingsInput!) { updateDistrictSyncSettings(districtId: $d, input: $input) {
      schedule timezone syncEnabled syncExpiresAt schoolSelection notifyEmails resetDeleteThreshold fieldMappings { entityType targetField sourceField } } }`;
    const ok = await api.gql(
      m,
      {
        d: districtId,
        input: {
          schedule: '30 5 * * 1-5',
          timezone: 'America/Chicago',
          syncEnabled: false,
          syncExpiresAt: '2027-06-30',
          schoolSelection: ['S1'],
          notifyEmails: ['it@fixture.test'],
          resetDeleteThreshold: 25,
          fieldMappings: [{ entityType: 'people', targetField: 'email', sourceField: 'username' }],
        },
      },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateDistrictSyncSettings).toEqual({
      schedule: '30 5 * * 1-5',
      timezone: 'America/Chicago',
      syncEnabled: false,
      syncExpiresAt: '2027-06-30',
      schoolSelection: ['S1'],
      notifyEmails: ['it@fixture.test'],
      resetDeleteThreshold: 25,
      fieldMappings: [{ entityType: 'people', targetField: 'email', sourceField: 'username' }],
    });
    const bad = async (input: Record<string, unknown>) => (await api.gql(m, { d: districtId, input }, admin)).errors?.[0];
    expect(await bad({ schedule: 'every night' })).toEqual(
      expect.objectContaining({
        message: expect.stringMatching(/^Invalid schedule "every night"/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    );
    expect((await bad({ timezone: 'Mars/Olympus' }))?.message).toBe('Unknown timezone "Mars/Olympus" (use an IANA name such as America/Chicago)');
    expect((await bad({ resetDeleteThreshold: 150 }))?.message).toBe('The reset threshold must be a whole percent from 0 to 100, got 150');
    expect((await bad({ notifyEmails: ['not-an-email'] }))?.message).toBe('"not-an-email" is not an email address');
    expect((await bad({ fieldMappings: [{ entityType: 'people', targetField: 'password', sourceField: 'x' }] }))?.message).toMatch(
      /^"password" is not a mappable people field/,
    );
    // A field the source does not have would blank every record's value: refused when saved.
    expect((await bad({ fieldMappings: [{ entityType: 'people', targetField: 'stateId', sourceField: 'No_such_column' }] }))?.message).toBe(
      'mapping people.stateId → No_such_column: the source has no such column',
    );
    const cleared = await api.gql(
      m,
      {
        d: districtId,
        input: { schoolSelection: null, syncExpiresAt: null, fieldMappings: [{ entityType: 'people', targetField: 'email', sourceField: null }] },
      },
      admin,
    );
    expect(cleared.data.updateDistrictSyncSettings).toEqual(
      expect.objectContaining({ schoolSelection: null, syncExpiresAt: null, fieldMappings: [], schedule: '30 5 * * 1-5' }),
    );
  });
});

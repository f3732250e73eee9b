import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { cleanupOldSyncDetails } from '../../src/jobs/definitions/cleanup.job.js';
import { insertRows } from '../../src/sync/engine/batch-sql.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { adminSession, apiTokenFor, startApiServer, waitFor, type ApiServer } from '../support/api-harness.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const EVENTS = `query ($d: ID!, $after: String, $first: Int, $types: [RosterEventType!], $entityTypes: [String!]) {
  rosterEvents(districtId: $d, after: $after, first: $first, types: $types, entityTypes: $entityTypes) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id type entityType entityId sourceId runId occurredAt fields { field before after } } }
  } }`;

interface EventNode {
  id: string;
  type: string;
  entityType: string;
  entityId: string | null;
  sourceId: string | null;
  runId: string;
  fields: Array<{ field: string; before: string | null; after: string | null }>;
}

/** An UTC `YYYY-MM-DD HH:MM:SS` both dialects store in a datetime column. */
const sqlTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

describe.each(DIALECTS)('partner change feed (rosterEvents) on %s', (dialect) => {
  let api: ApiServer;
  let districtId: number;
  let otherId: number;
  let token: string;
  let otherToken: string;
  let admin: string;
  let source: FixtureSource;
  let otherSource: FixtureSource;

  /** The events a partner should see: every change row of the district's launched, applied runs, in id order. */
  const expectedIds = async (d: number): Promise<string[]> => {
    const rows: Array<{ id: number }> = await api.app.ds.query(
      `SELECT c.id AS id FROM sync_change c INNER JOIN sync_run r ON r.id = c.runId WHERE r.districtId = ? AND r.status = 'LAUNCHED' AND r.dryRun = 0 ORDER BY c.id`,
      [d],
    );
    return rows.map((r) => String(r.id));
  };

  const page = async (vars: Record<string, unknown>, auth = token) => {
    const res = await api.gql(EVENTS, { d: districtId, ...vars }, auth);
    expect(res.errors).toBeUndefined();
    return res.data.rosterEvents as { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ cursor: string; node: EventNode }> };
  };

  /** Pages until hasNextPage is false; returns the events and the cursor to follow from. */
  const follow = async (after: string | null, first = 7, extra: Record<string, unknown> = {}) => {
    const seen: EventNode[] = [];
    for (;;) {
      const p = await page({ after, first, ...extra });
      seen.push(...p.edges.map((e) => e.node));
      after = p.pageInfo.endCursor;
      expect(after).toEqual(expect.any(String));
      if (!p.pageInfo.hasNextPage) return { seen, after };
    }
  };

  const renameEveryone = (suffix: string) => {
    for (const p of source.data.people) p.fields.email = `${p.sourceId}.${suffix}@example.org`;
  };

  beforeAll(async () => {
    api = await startApiServer(dialect);
    districtId = (await createDistrict(api.app, 'Feed District')).id;
    otherId = (await createDistrict(api.app, 'Other District')).id;
    token = await apiTokenFor(api, districtId, 'lms');
    otherToken = await apiTokenFor(api, otherId, 'other lms');
    admin = await adminSession(api, 'admin@feed.test', AdminRole.PLATFORM_ADMIN);
    source = new FixtureSource(smallDistrict());
    otherSource = new FixtureSource(smallDistrict());
    await sync(api.app, districtId, { source });
    await sync(api.app, otherId, { source: otherSource });
    renameEveryone('v2');
    await sync(api.app, districtId, { source });
  });

  afterAll(async () => api?.close());

  it('page through every change in order, with a run launching mid-paging, and never a preview or another district', async () => {
    // A preview with changes: its plan rows sit between real events in sync_change.
    renameEveryone('preview');
    const preview = await sync(api.app, districtId, { source, dryRun: true, mode: SyncMode.RESET });
    const start = await page({ first: 5 });
    expect(start.edges).toHaveLength(5);
    expect(start.pageInfo.hasNextPage).toBe(true);
    // The feed starts with the first sync creating the district's records, schools first.
    expect(start.edges[0].node).toEqual(expect.objectContaining({ type: 'CREATED', entityType: 'schools', sourceId: 'S1', entityId: expect.any(String) }));
    expect(start.edges[0].node.fields).toContainEqual({ field: 'name', before: null, after: 'North Elementary' });

    // While the partner is between pages: a real run here and one in the other district.
    renameEveryone('v3');
    const mid = await sync(api.app, districtId, { source });
    otherSource.data.people[0].fields.email = 'elsewhere@example.org';
    const other = await sync(api.app, otherId, { source: otherSource });

    const rest = await follow(start.pageInfo.endCursor);
    const ids = [...start.edges.map((e) => e.node.id), ...rest.seen.map((e) => e.id)];
    expect(ids).toEqual(await expectedIds(districtId));
    expect(new Set(ids).size).toBe(ids.length);
    const runIds = new Set([...start.edges.map((e) => e.node.runId), ...rest.seen.map((e) => e.runId)]);
    expect(runIds.has(String(mid.id))).toBe(true);
    expect(runIds.has(String(preview.id))).toBe(false);
    expect(runIds.has(String(other.id))).toBe(false);

    // What the partner sees of one record: T1's email, changed by the run launched mid-paging.
    const t1 = rest.seen.filter((e) => e.sourceId === 'T1' && e.runId === String(mid.id));
    expect(t1).toEqual([
      expect.objectContaining({
        type: 'UPDATED',
        entityType: 'people',
        entityId: expect.any(String),
        fields: [{ field: 'email', before: 'T1.v2@example.org', after: 'T1.v3@example.org' }],
      }),
    ]);

    // At the end: an empty page that still hands back a cursor, then only what comes next.
    const idle = await page({ after: rest.after });
    expect(idle).toEqual({ pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, edges: [] });
    source.data.people[1].fields.email = 'alan@new.example.org';
    const next = await sync(api.app, districtId, { source });
    const fresh = await follow(idle.pageInfo.endCursor);
    expect(fresh.seen.map((e) => [e.runId, e.sourceId, e.type])).toEqual(expect.arrayContaining([[String(next.id), 'T2', 'UPDATED']]));
    expect(fresh.seen.every((e) => e.runId === String(next.id))).toBe(true);
  });

  it('miss nothing when polled while a run commits', async () => {
    let after = (await page({ first: 1000 })).pageInfo.endCursor;
    const before = new Set(await expectedIds(districtId));
    renameEveryone('concurrent');
    source.delayMs = 2; // long enough to poll many times during the run
    const running = sync(api.app, districtId, { source });
    const seen: string[] = [];
    let done = false;
    void running.then(() => (done = true));
    while (!done) {
      const p = await page({ after, first: 3 });
      seen.push(...p.edges.map((e) => e.node.id));
      after = p.pageInfo.endCursor;
    }
    source.delayMs = 0;
    const run = await running;
    expect(run.status).toBe('LAUNCHED');
    seen.push(...(await follow(after, 3)).seen.map((e) => e.id));
    expect(seen).toEqual((await expectedIds(districtId)).filter((id) => !before.has(id)));
    expect(seen.length).toBeGreaterThan(0);
  });

  it('serve a run’s changes only once it has launched, and never skip them', async () => {
    const endCursor = (await follow(null, 1000)).after;
    // A run in progress whose change rows are already visible (the engine commits them with
    // the launch today; the feed must not rely on that).
    const runs = new SyncRunService(api.app.ds);
    const { run } = await runs.createRun({ districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL, requestedBy: 'test' });
    const [person] = await api.app.ds.query('SELECT id FROM person WHERE districtId = ? AND sourceId = ?', [districtId, 'P1']);
    await insertRows(
      api.app.ds.manager,
      'sync_change',
      ['runId', 'districtId', 'entityType', 'entityId', 'sourceId', 'action', 'before', 'after'],
      [[run.id, districtId, 'people', person.id, 'P1', 'UPDATE', '{"grade":"4"}', '{"grade":"5"}']],
    );
    const during = await page({ after: endCursor });
    expect(during.edges).toEqual([]);
    expect((await page({ after: null, first: 1000 })).edges.some((e) => e.node.runId === String(run.id))).toBe(false);
    await runs.finish(run.id, SyncStatus.LAUNCHED);
    const launched = await page({ after: during.pageInfo.endCursor });
    expect(launched.edges.map((e) => [e.node.runId, e.node.sourceId, e.node.type, e.node.fields])).toEqual([
      [String(run.id), 'P1', 'UPDATED', [{ field: 'grade', before: '4', after: '5' }]],
    ]);
  });

  it('filter by event type and entity type', async () => {
    // A Reset removes P10 (a delete), the next Edit brings it back (a restore).
    const p10 = source.data.people.find((p) => p.sourceId === 'P10')!;
    source.data.people = source.data.people.filter((p) => p !== p10);
    await sync(api.app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    source.data.people.push(p10);
    const restoring = await sync(api.app, districtId, { source });
    const deletes = (await follow(null, 50, { types: ['DELETED'] })).seen;
    expect(deletes.map((e) => [e.type, e.entityType, e.sourceId])).toHaveLength(2);
    expect(deletes.map((e) => [e.type, e.entityType, e.sourceId])).toEqual(
      expect.arrayContaining([
        ['DELETED', 'people', 'P10'],
        ['DELETED', 'enrollments', 'SEC2/P10/STUDENT'],
      ]),
    );

    const restores = (await follow(null, 50, { types: ['RESTORED'] })).seen;
    // P10 and its enrollment came back.
    expect(restores.map((e) => [e.type, e.entityType, e.sourceId, e.runId])).toEqual([
      ['RESTORED', 'people', 'P10', String(restoring.id)],
      ['RESTORED', 'enrollments', 'SEC2/P10/STUDENT', String(restoring.id)],
    ]);
    const updates = (await follow(null, 50, { types: ['UPDATED'], entityTypes: ['people'] })).seen;
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((e) => e.type === 'UPDATED' && e.entityType === 'people')).toBe(true);
    const all = (await follow(null, 1000)).seen;
    expect(updates.map((e) => e.id)).toEqual(all.filter((e) => e.type === 'UPDATED' && e.entityType === 'people').map((e) => e.id));
    const unknown = await api.gql(EVENTS, { d: districtId, entityTypes: ['students'] }, token);
    expect(unknown.errors?.[0]).toEqual(
      expect.objectContaining({
        message: 'Unknown entity type "students": use schools, terms, courses, people, sections, enrollments',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    );
  });

  it('show a revert’s changes as events', async () => {
    const cursor = (await api.gql('query ($d: ID!) { district(id: $d) { latestEventCursor } }', { d: districtId }, token)).data.district.latestEventCursor;
    const known = new Set(await expectedIds(districtId));
    source.data.people[2].fields.email = 'grace@new.example.org';
    const applied = await sync(api.app, districtId, { source });
    const reverted = await api.gql('mutation ($id: ID!) { revertSyncRun(runId: $id) { run { id } } }', { id: applied.id }, admin);
    const revertId = Number(reverted.data.revertSyncRun.run.id);
    await waitFor(async () => (await new SyncRunService(api.app.ds).get(revertId))?.status === 'LAUNCHED', 30_000, 'revert launched');
    const { seen } = await follow(cursor);
    expect(seen.map((e) => e.id)).toEqual((await expectedIds(districtId)).filter((id) => !known.has(id)));
    expect(seen.filter((e) => e.sourceId === 'T3').map((e) => [e.runId, e.type, e.fields])).toEqual([
      [String(applied.id), 'UPDATED', [{ field: 'email', before: 'T3.concurrent@example.org', after: 'grace@new.example.org' }]],
      [String(revertId), 'UPDATED', [{ field: 'email', before: 'grace@new.example.org', after: 'T3.concurrent@example.org' }]],
    ]);
  });

  it('keep each partner to its own district', async () => {
    const foreign = await api.gql(EVENTS, { d: districtId }, otherToken);
    expect(foreign.errors?.[0]).toEqual(
      expect.objectContaining({ message: `District ${districtId} was not found`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
    expect(foreign.data).toBeNull();
    // Another district's (genuine) cursor is refused exactly like a forged one.
    const ours = (await page({ first: 1 })).pageInfo.endCursor;
    const stolen = await api.gql(EVENTS, { d: otherId, after: ours }, otherToken);
    const forged = await api.gql(EVENTS, { d: otherId, after: 'bm90LWEtY3Vyc29y' }, otherToken);
    expect(stolen.errors?.[0]).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(stolen.errors?.[0].message).toBe(forged.errors?.[0].message);
    expect(stolen.errors?.[0].message).not.toContain(String(districtId));
    const theirs = (await api.gql(EVENTS, { d: otherId, first: 1000 }, otherToken)).data.rosterEvents.edges.map((e: any) => e.node.runId);
    const ourRuns = new Set((await follow(null, 1000)).seen.map((e) => e.runId));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((r: string) => ourRuns.has(r))).toEqual([]);
  });

  it('refuse forged cursors and pages above the cap', async () => {
    const good = (await page({ first: 2 })).pageInfo.endCursor;
    const [body, mac] = good.split('.');
    const edited = Buffer.from(body, 'base64url')
      .toString()
      .replace(/\.(\d+)\./, (_m, id) => `.${Number(id) + 1}.`);
    for (const after of ['', 'abc', `${Buffer.from(edited).toString('base64url')}.${mac}`, `${body}.${'A'.repeat(22)}`, Buffer.from('12').toString('base64')]) {
      const res = await api.gql(EVENTS, { d: districtId, after }, token);
      expect(res.errors?.[0]).toEqual(
        expect.objectContaining({
          message: 'Invalid cursor: pass an endCursor or latestEventCursor this district’s feed returned',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      );
    }
    for (const first of [1001, 0]) {
      const res = await api.gql(EVENTS, { d: districtId, first }, token);
      expect(res.errors?.[0]).toEqual(
        expect.objectContaining({
          message: `first must be from 1 to 1000 (the most events one page returns), got ${first}`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      );
    }
  });

  it('expire a cursor older than the retention window, while latestEventCursor always works', async () => {
    const oldId = (await createDistrict(api.app, 'Quiet District')).id;
    const oldToken = await apiTokenFor(api, oldId, 'quiet lms');
    const oldSource = new FixtureSource(smallDistrict());
    await sync(api.app, oldId, { source: oldSource });
    for (const p of oldSource.data.people) p.fields.email = `${p.sourceId}@old.example.org`;
    await sync(api.app, oldId, { source: oldSource });
    // Those changes happened 100 days ago (retention is 90 days).
    await api.app.ds.query('UPDATE sync_change SET createdAt = ? WHERE districtId = ?', [sqlTime(new Date(Date.now() - 100 * 86_400_000)), oldId]);
    const q = (after: string | null, first = 2) => api.gql(EVENTS, { d: oldId, after, first }, oldToken);

    const firstPage = await q(null);
    expect(firstPage.data.rosterEvents.pageInfo.hasNextPage).toBe(true);
    const expired = await q(firstPage.data.rosterEvents.pageInfo.endCursor);
    expect(expired.errors?.[0]).toEqual(
      expect.objectContaining({
        message: 're-pull the roster, then follow events from latestCursor',
        extensions: expect.objectContaining({ code: 'CURSOR_EXPIRED' }),
      }),
    );

    // The way back: full pull, then follow from latestEventCursor; the cleanup does not break it.
    const latest = (await api.gql('query ($d: ID!) { district(id: $d) { latestEventCursor } }', { d: oldId }, oldToken)).data.district.latestEventCursor;
    await cleanupOldSyncDetails(api.app, api.app.config.runDetailRetentionDays);
    const resumed = await q(latest);
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data.rosterEvents.edges).toEqual([]);
    oldSource.data.people[0].fields.email = 'back@example.org';
    const run = await sync(api.app, oldId, { source: oldSource });
    const after = await q(resumed.data.rosterEvents.pageInfo.endCursor, 100);
    expect(after.data.rosterEvents.edges.map((e: any) => [e.node.runId, e.node.sourceId])).toEqual([[String(run.id), 'T1']]);
  });

  it('let admins read the feed; anonymous callers are refused', async () => {
    const res = await api.gql(EVENTS, { d: districtId, first: 1 }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.rosterEvents.edges).toHaveLength(1);
    const missing = await api.gql(EVENTS, { d: 999999 }, admin);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = await api.gql(EVENTS, { d: districtId });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { runCli } from '../../src/cli/main.js';
import { ENTITY_TYPES } from '../../src/roster/roster-enums.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { adminSession, startApiServer, type ApiServer } from '../support/api-harness.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync, TEST_SECRET } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

/** "what exactly did run N do?" — every run's complete change record, read back over the API and the CLI. */
describe.each(DIALECTS)('the change record on %s', (dialect) => {
  let api: ApiServer;
  let support: string;

  beforeAll(async () => {
    api = await startApiServer(dialect);
    support = await adminSession(api, 'support@changes.test', AdminRole.SUPPORT);
  });
  afterAll(async () => api?.close());

  const changes = async (runId: number) =>
    (await api.app.ds.query('SELECT entityType, entityId, sourceId, action, `before`, `after`, districtId FROM sync_change WHERE runId = ? ORDER BY id', [
      runId,
    ])) as Array<{
      entityType: string;
      entityId: number | null;
      sourceId: string;
      action: string;
      before: string | null;
      after: string | null;
      districtId: number;
    }>;
  const tally = (rows: Array<{ entityType: string; action: string }>) => {
    const t: Record<string, number> = {};
    for (const r of rows) t[`${r.entityType}:${r.action}`] = (t[`${r.entityType}:${r.action}`] ?? 0) + 1;
    return t;
  };
  const expectMatchesCounts = (run: SyncRun, rows: Array<{ entityType: string; action: string }>) => {
    const t = tally(rows);
    for (const e of ENTITY_TYPES) {
      const c = run.counts![e];
      expect([t[`${e}:CREATE`] ?? 0, t[`${e}:UPDATE`] ?? 0, t[`${e}:DELETE`] ?? 0, t[`${e}:RESTORE`] ?? 0]).toEqual([
        c.created,
        c.updated,
        c.deleted,
        c.restored,
      ]);
    }
  };

  it('Edit and Reset record every created, updated, deleted and restored record with its id', async () => {
    const districtId = (await createDistrict(api.app, 'Record District')).id;
    const source = new FixtureSource(smallDistrict());
    const first = await sync(api.app, districtId, { source });
    const created = await changes(first.id);
    expectMatchesCounts(first, created);
    expect(created.every((c) => c.action === 'CREATE' && c.districtId === districtId)).toBe(true);
    const t1 = created.find((c) => c.entityType === 'people' && c.sourceId === 'T1')!;
    const [t1Row] = await api.app.ds.query("SELECT id FROM person WHERE districtId = ? AND sourceId = 'T1'", [districtId]);
    expect(t1.entityId).toBe(Number(t1Row.id));
    expect(JSON.parse(t1.after!)).toMatchObject({ givenName: 'Ada', familyName: 'Lovelace', role: 'TEACHER' });
    const noSourceId = created.find((c) => c.entityType === 'enrollments' && c.sourceId === 'SEC1/T1/TEACHER')!;
    expect(noSourceId.entityId).not.toBeNull();

    // Edit: an enrollment leaves a synced section, a name changes.
    source.data.enrollments = source.data.enrollments.filter((e) => e.personSourceId !== 'P1');
    source.data.people.find((p) => p.sourceId === 'T1')!.fields.familyName = 'King';
    const edit = await sync(api.app, districtId, { source, overrideThreshold: true });
    const editRows = await changes(edit.id);
    expectMatchesCounts(edit, editRows);
    expect(editRows.find((c) => c.action === 'DELETE')).toMatchObject({ entityType: 'enrollments', sourceId: 'SEC1/P1/STUDENT' });
    expect(JSON.parse(editRows.find((c) => c.action === 'DELETE')!.before!)).toEqual({ primary: 'false', beginDate: null, endDate: null });
    const update = editRows.find((c) => c.action === 'UPDATE')!;
    expect([update.sourceId, JSON.parse(update.before!), JSON.parse(update.after!)]).toEqual(['T1', { familyName: 'Lovelace' }, { familyName: 'King' }]);

    // Reset: a student the source no longer has goes, with the enrollment; then both come back.
    source.data.people = source.data.people.filter((p) => p.sourceId !== 'P2');
    const reset = await sync(api.app, districtId, { source, mode: SyncMode.RESET, overrideThreshold: true });
    const resetRows = await changes(reset.id);
    expectMatchesCounts(reset, resetRows);
    expect(
      resetRows
        .filter((c) => c.action === 'DELETE')
        .map((c) => `${c.entityType}:${c.sourceId}`)
        .sort(),
    ).toEqual(['enrollments:SEC1/P2/STUDENT', 'people:P2']);
    source.data = smallDistrict();
    source.data.people.find((p) => p.sourceId === 'T1')!.fields.familyName = 'King';
    const back = await sync(api.app, districtId, { source });
    const backRows = await changes(back.id);
    expectMatchesCounts(back, backRows);
    // Deleted records come back with their ids: restored, not created again.
    expect(
      backRows
        .filter((c) => c.action === 'RESTORE')
        .map((c) => `${c.entityType}:${c.sourceId}`)
        .sort(),
    ).toEqual(['enrollments:SEC1/P1/STUDENT', 'enrollments:SEC1/P2/STUDENT', 'people:P2']);
    expect(backRows.filter((c) => c.action === 'CREATE')).toEqual([]);

    // A revert's changes are recorded too: what `back` restored is deleted again.
    const revert = await sync(api.app, districtId, { trigger: SyncTrigger.REVERT, revertOfRunId: back.id });
    expect(revert.status).toBe(SyncStatus.LAUNCHED);
    const revertRows = await changes(revert.id);
    expect(
      revertRows
        .filter((c) => c.action === 'DELETE')
        .map((c) => `${c.entityType}:${c.sourceId}`)
        .sort(),
    ).toEqual(['enrollments:SEC1/P1/STUDENT', 'enrollments:SEC1/P2/STUDENT', 'people:P2']);
  });

  it('lists more changes than one page over GraphQL with a correct totalCount, and prints them all on the command line', async () => {
    const districtId = (await createDistrict(api.app, 'Big Record', undefined, { students: 400, seed: 3 })).id;
    const first = await sync(api.app, districtId);
    const total = Object.values(first.counts!).reduce((a, c) => a + c.created, 0);
    expect(total).toBeGreaterThan(1500);
    // Every CREATE row names the very record it created: its id, and that record's source id.
    for (const [entity, table] of [
      ['schools', 'school'],
      ['people', 'person'],
      ['sections', 'section'],
      ['enrollments', 'enrollment'],
    ]) {
      const [{ n, distinctIds }] = await api.app.ds.query(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT t.id) AS distinctIds FROM sync_change c JOIN ${table} t ON t.id = c.entityId AND t.createdByRunId = c.runId ` +
          "AND (t.sourceId = c.sourceId OR (t.sourceId IS NULL AND c.entityType = 'enrollments')) WHERE c.runId = ? AND c.entityType = ? AND c.action = 'CREATE'",
        [first.id, entity],
      );
      expect([Number(n), Number(distinctIds)]).toEqual([first.counts![entity].created, first.counts![entity].created]);
    }
    const seen = new Set<string>();
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const res: any = await api.gql(
        'query ($id: ID!, $after: String) { syncRun(id: $id) { changes(first: 500, after: $after, action: CREATE) { totalCount pageInfo { hasNextPage endCursor } edges { node { entityType sourceId } } } } }',
        { id: first.id, after },
        support,
      );
      const page = res.data.syncRun.changes;
      totalCount = page.totalCount;
      for (const e of page.edges) seen.add(`${e.node.entityType}:${e.node.sourceId}`);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(totalCount).toBe(total);
    expect(seen.size).toBe(total);
    const people: any = await api.gql(
      'query ($id: ID!) { syncRun(id: $id) { changes(first: 0, entityType: "people") { totalCount } } }',
      { id: first.id },
      support,
    );
    expect(people.data.syncRun.changes.totalCount).toBe(first.counts!.people.created);

    const out: string[] = [];
    const env = { DATABASE_URL: api.db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent', DATA_DIR: '/tmp/homeroom-test-data' };
    expect(await runCli(['changes', String(first.id), '--type', 'people', '--json'], { out: (l) => out.push(l), err: () => undefined, env })).toBe(0);
    expect(out).toHaveLength(first.counts!.people.created);
    expect(JSON.parse(out[0])).toMatchObject({ runId: first.id, entityType: 'people', action: 'CREATE', before: null });
    const csv: string[] = [];
    expect(await runCli(['changes', String(first.id), '--action', 'create', '--csv'], { out: (l) => csv.push(l), err: () => undefined, env })).toBe(0);
    expect(csv[0]).toBe('runId,entityType,entityId,sourceId,action,before,after');
    expect(csv).toHaveLength(total + 1);
    const bad: string[] = [];
    expect(await runCli(['changes', String(first.id), '--action', 'explode'], { out: () => undefined, err: (l) => bad.push(l), env })).toBe(2);
    expect(bad.join('\n')).toContain('--action must be one of create, update, delete, restore');
  });
});

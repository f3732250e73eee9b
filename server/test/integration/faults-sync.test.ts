// Faults inside one process: a source that breaks mid-fetch during a Reset, and racing starts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../../src/db/data-source.js';
import { SyncMode, SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { rosterFingerprint } from '../support/faults-roster.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

describe.each(DIALECTS)('sync faults on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db.drop();
  });

  it.each(['people', 'sections', 'enrollments'] as const)(
    'a source failing mid-fetch (%s) during a Reset deletes nothing, even with the threshold overridden',
    async (failOn) => {
      const app = testApp(db);
      const d = await createDistrict(app, `Reset fetch ${failOn} ${dialect}`);
      const data = smallDistrict();
      expect((await sync(app, d.id, { source: new FixtureSource(data) })).status).toBe(SyncStatus.LAUNCHED);
      const before = await rosterFingerprint(db.ds);

      // The source now shares much less (a Reset would delete most of it) and then breaks while reading.
      const shrunk = smallDistrict();
      shrunk.schools = shrunk.schools.slice(0, 1);
      shrunk.people = shrunk.people.slice(0, 4);
      shrunk.sections = shrunk.sections.slice(0, 1);
      shrunk.enrollments = shrunk.enrollments.slice(0, 2);
      const source = new FixtureSource(shrunk);
      source.failOn = failOn;
      const run = await sync(app, d.id, { source, mode: SyncMode.RESET, overrideThreshold: true });
      expect(run).toMatchObject({ status: SyncStatus.FAILED, activeDistrictId: null });
      expect(run.error).toBe(`connection reset while reading ${failOn}`);
      expect(await rosterFingerprint(db.ds)).toEqual(before);
      const deleted = await db.ds.query('SELECT COUNT(*) AS n FROM person WHERE deletedByRunId = ?', [run.id]);
      expect(Number(deleted[0].n)).toBe(0);

      // Without the fault, the same Reset does delete (so the test above proved something).
      const ok = await sync(app, d.id, { source: new FixtureSource(shrunk), mode: SyncMode.RESET, overrideThreshold: true });
      expect(ok.status).toBe(SyncStatus.LAUNCHED);
      expect(ok.counts!.people.deleted).toBe(10); // 9 gone from the source, and T3 lost his school
    },
  );

  it('concurrent starts from two connections give one run', async () => {
    const app = testApp(db);
    const d = await createDistrict(app, `Race ${dialect}`);
    // MariaDB: a second pool, so the inserts really race. SQLite: better-sqlite3 is synchronous, so two
    // connections in one process would wait on each other's open transaction; processes race on one file
    // the same way one connection's interleaved async callers do here.
    const other = dialect === 'mysql' ? await openDatabase(db.url, { migrate: false }) : db.ds;
    try {
      for (let round = 0; round < 20; round++) {
        const services = [new SyncRunService(db.ds), new SyncRunService(other)];
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            services[i % 2].createRun({ districtId: d.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL, requestedBy: `caller ${i}` }),
          ),
        );
        const created = results.filter((r) => !r.existing);
        expect(created).toHaveLength(1);
        expect(new Set(results.map((r) => r.run.id))).toEqual(new Set([created[0].run.id]));
        const active = await db.ds.getRepository(SyncRun).findBy({ districtId: d.id, status: SyncStatus.SCHEDULED });
        expect(active.map((r) => r.id)).toEqual([created[0].run.id]);
        await new SyncRunService(db.ds).requestCancel(created[0].run.id);
      }
      expect(await db.ds.getRepository(SyncRun).countBy({ districtId: d.id })).toBe(20);
    } finally {
      if (other !== db.ds) await other.destroy();
    }
  });
});

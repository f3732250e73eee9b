// Fault: the database connection goes away while a run is APPLYING (MariaDB: the server kills it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConnection } from 'mysql2/promise';
import type { AppContext } from '../../src/app-context.js';
import { SYNC_RUN_UPDATED } from '../../src/events/pubsub.js';
import { SyncStatus } from '../../src/sync/sync-enums.js';
import { rosterFingerprint } from '../support/faults-roster.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, MYSQL_URL, type TestDatabase } from '../support/test-database.js';

// SQLite has no connection to lose.
(DIALECTS.includes('mysql') ? describe : describe.skip)('database connection lost during apply (mysql)', () => {
  let db: TestDatabase;
  let app: AppContext;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    app = testApp(db);
  });
  afterAll(() => db.drop());

  it('fails the run saying so, and the roster is exactly as before', async () => {
    const districtId = (await createDistrict(app, 'Outage', undefined, { students: 2000, seed: 5 })).id;
    expect((await sync(app, districtId)).status).toBe(SyncStatus.LAUNCHED);
    await app.ds.query('UPDATE person SET givenName = ? WHERE districtId = ?', ['Changed', districtId]);
    const before = await rosterFingerprint(app.ds);
    const admin = await createConnection(MYSQL_URL);
    const database = new URL(db.url).pathname.slice(1);
    let killed = false;
    const killer = (async () => {
      for await (const u of app.pubsub.subscribe(SYNC_RUN_UPDATED)) {
        if (u.phase === 'APPLYING' && !killed) {
          killed = true;
          const [rows] = await admin.query('SELECT id FROM information_schema.PROCESSLIST WHERE db = ? AND id <> CONNECTION_ID()', [database]);
          for (const r of rows as Array<{ id: number }>) await admin.query(`KILL CONNECTION ${Number(r.id)}`).catch(() => undefined);
        }
        if (u.status !== SyncStatus.IN_PROGRESS && u.status !== SyncStatus.SCHEDULED) return;
      }
    })();
    const run = await sync(app, districtId);
    await Promise.race([killer, new Promise((r) => setTimeout(r, 2000))]);
    await admin.end();
    expect(killed).toBe(true);
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.error).toBe('database connection lost during apply; nothing was changed');
    expect(await rosterFingerprint(app.ds)).toEqual(before);
  });
});

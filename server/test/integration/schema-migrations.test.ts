import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pendingSchemaChanges } from '../../src/db/schema-drift.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(() => db.drop());

  it('build the whole schema the entities describe (no drift)', async () => {
    const diff = await pendingSchemaChanges(db.ds);
    // A failure lists the SQL the missing migration needs: run server/scripts/generate-migration.ts.
    expect(diff.up).toEqual([]);
  });

  it('leave nothing pending', async () => {
    expect(await db.ds.showMigrations()).toBe(false);
  });

  it('undo cleanly down to an empty database and apply again', async () => {
    const count = db.ds.migrations.length;
    for (let i = 0; i < count; i++) await db.ds.undoLastMigration();
    const runner = db.ds.createQueryRunner();
    const left = [];
    for (const m of db.ds.entityMetadatas) if (await runner.hasTable(m.tableName)) left.push(m.tableName);
    await runner.release();
    expect(left).toEqual([]);
    await db.ds.runMigrations();
    expect((await pendingSchemaChanges(db.ds)).up).toEqual([]);
  });
});

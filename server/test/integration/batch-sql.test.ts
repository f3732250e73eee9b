import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IN_LIST, inList, insertRows, updateByIds } from '../../src/sync/engine/batch-sql.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

/** Runs `fn` and returns the distinct statement texts it sent. */
async function statementsOf(db: TestDatabase, fn: () => Promise<void>): Promise<Set<string>> {
  const texts = new Set<string>();
  const original = db.ds.manager.query.bind(db.ds.manager);
  db.ds.manager.query = ((sql: string, params?: unknown[]) => {
    texts.add(sql);
    return original(sql, params);
  }) as typeof db.ds.manager.query;
  try {
    await fn();
  } finally {
    db.ds.manager.query = original;
  }
  return texts;
}

// SQLite keeps every distinct statement text as a compiled program in native memory until the
// garbage collector finds it: a sync's batch writes must repeat a few texts, not make one per batch.
describe.each(DIALECTS)('batch statements on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect, { migrate: false });
    await db.ds.query('CREATE TABLE batch_probe (id INT NOT NULL PRIMARY KEY, v INT NOT NULL)');
  });
  afterAll(() => db.drop());

  const values = async () =>
    (await db.ds.query('SELECT id, v FROM batch_probe ORDER BY id')).map((r: { id: unknown; v: unknown }) => [Number(r.id), Number(r.v)]);

  it('inserts every row once, whatever the count (SQLite: in a few statement shapes; MySQL: the fewest statements)', async () => {
    let next = 1;
    const counts = [1, 2, 3, 7, 15, 16, 17, 100, 255, 1000, 1500, 3333];
    const texts = await statementsOf(db, async () => {
      for (const n of counts) {
        const rows = Array.from({ length: n }, () => [next++, 0]);
        await insertRows(db.ds.manager, 'batch_probe', ['id', 'v'], rows);
      }
    });
    const rows = await values();
    expect(rows).toHaveLength(next - 1);
    expect(rows.map((r: number[]) => r[0])).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 1));
    if (dialect === 'sqlite') expect(texts.size).toBeLessThanOrEqual(6);
    else expect(texts.size).toBeGreaterThan(6);
  });

  it('updates exactly the listed ids, in a few statement shapes on both dialects', async () => {
    const texts = await statementsOf(db, async () => {
      for (const n of [1, 5, 17, 129, 1025, IN_LIST + 3]) {
        const ids = Array.from({ length: n }, (_, i) => 1 + i * 2);
        await updateByIds(db.ds.manager, 'batch_probe', 'v = v + ?', [1], ids);
      }
    });
    const rows = await values();
    // Odd ids were listed by every call long enough to reach them; even ids never.
    const expected = (id: number) => (id % 2 === 0 ? 0 : [1, 5, 17, 129, 1025, IN_LIST + 3].filter((n) => 1 + (n - 1) * 2 >= id).length);
    expect(rows.filter(([id, v]: number[]) => v !== expected(id))).toEqual([]);
    expect(texts.size).toBeLessThanOrEqual(4);
  });

  it('pads an IN list with its last value and refuses an empty or oversized one', () => {
    expect(inList([3, 4])).toEqual({ sql: Array(16).fill('?').join(', '), params: [3, 4, ...Array(14).fill(4)] });
    expect(inList(Array(16).fill(1)).params).toHaveLength(16);
    expect(() => inList([])).toThrow(/1 to/);
    expect(() => inList(Array(IN_LIST + 1).fill(1))).toThrow(/1 to/);
  });
});

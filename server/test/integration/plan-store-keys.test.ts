import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PlanStore } from '../../src/sync/engine/plan-store.js';
import { createStageTables, dropStageTables } from '../../src/sync/engine/stage-tables.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

// The planner asks for the state of every person and section each enrollment names: the first
// state staged for a source id, per entity type, and nothing for an id the source did not send.
describe.each(DIALECTS)('key states of a staged plan on %s', (dialect) => {
  let db: TestDatabase;
  let store: PlanStore;
  const runId = 987_001;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    store = new PlanStore(db.ds, await createStageTables(db.ds, runId));
  });
  afterAll(async () => {
    await dropStageTables(db.ds, runId);
    await db.drop();
  });

  it('answers a key staged after it was first asked for, keeps the first state of a key, and keeps entity types apart', async () => {
    await store.addKeys('people', [['p1', 'K', 10]]);
    expect([...(await store.keyStates('people', ['p1', 'p2', 'p1']))]).toEqual([['p1', { state: 'K', id: 10 }]]);

    await store.addKeys('people', [
      ['p2', 'F', null],
      ['p1', 'E', 11],
    ]);
    await store.addKeys('sections', [['p1', 'I', null]]);
    const people = await store.keyStates('people', ['p2', 'p1', 'p3']);
    expect(Object.fromEntries(people)).toEqual({ p1: { state: 'K', id: 10 }, p2: { state: 'F', id: null } });
    expect(Object.fromEntries(await store.keyStates('sections', ['p1', 'p2']))).toEqual({ p1: { state: 'I', id: null } });
  });

  it('answers for more keys than one query holds', async () => {
    const n = 12_000;
    const keys = Array.from({ length: n }, (_, i): [string, string, number] => [`s${i}`, i % 3 === 0 ? 'E' : 'K', i + 1]);
    for (let i = 0; i < n; i += 5_000) await store.addKeys('sections', keys.slice(i, i + 5_000));
    const states = await store.keyStates('sections', keys.map(([id]) => id).concat('missing'));
    expect(states.size).toBe(n);
    expect(states.get('s0')).toEqual({ state: 'E', id: 1 });
    expect(states.get(`s${n - 1}`)).toEqual({ state: 'K', id: n });
    expect(states.has('missing')).toBe(false);
  }, 60_000);
});

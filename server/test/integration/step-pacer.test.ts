import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StepPacer } from '../../src/sync/engine/step-pacer.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another client reading as fast as it can over four connections (as partners' requests would), until stopped. */
function busyReader(db: TestDatabase, dialect: string): { stop(): Promise<void> } {
  let going = true;
  // better-sqlite3 answers synchronously: such a loop would never let a timer fire.
  const loops = Array.from({ length: dialect === 'mysql' ? 4 : 0 }, async () => {
    while (going) await db.ds.query('SELECT 1');
  });
  return {
    stop: async () => {
      going = false;
      await Promise.all(loops);
    },
  };
}

/** One pacer step of `ms` of work, then the pause; returns how long the pause took. */
async function step(pacer: StepPacer, ms: number): Promise<number> {
  await sleep(ms);
  const started = performance.now();
  await pacer.pause();
  return performance.now() - started;
}

describe.each(DIALECTS)('a sync giving way to other clients on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(() => db.drop());

  it(
    dialect === 'mysql'
      ? 'pauses as long as its steps took while other clients keep the server busy, and not below the threshold'
      : 'only yields (SQLite has no server to share)',
    async () => {
      const reader = busyReader(db, dialect);
      try {
        await sleep(50);
        const givingWay = new StepPacer(db.ds, { busySelectsPerSecond: 200 });
        await givingWay.pause(); // the first reading of the server's counter
        const paused = await step(givingWay, 150);
        // A server far below its threshold (no test machine runs a million SELECTs a second).
        const unbothered = new StepPacer(db.ds, { busySelectsPerSecond: 1_000_000 });
        await unbothered.pause();
        const unpaused = await step(unbothered, 150);
        if (dialect === 'mysql') {
          expect(paused).toBeGreaterThanOrEqual(120);
          expect(givingWay.paused).toBeGreaterThanOrEqual(120);
        } else {
          expect(givingWay.paused).toBe(0);
        }
        expect(unpaused).toBeLessThan(100);
        expect(unbothered.paused).toBe(0);
      } finally {
        await reader.stop();
      }
    },
  );

  it('never pauses when giving way is switched off (SYNC_GIVE_WAY_SELECTS=0)', async () => {
    const reader = busyReader(db, dialect);
    try {
      const off = new StepPacer(db.ds, { busySelectsPerSecond: 0 });
      await off.pause();
      await step(off, 150);
      expect(off.paused).toBe(0);
    } finally {
      await reader.stop();
    }
  });
});

// Fault: hundreds of generated malformed CSV exports through the real engine (SQLite). Each run
// must end LAUNCHED (with issues) or FAILED with a readable one-line reason: never an
// unhandled exception, never a stuck run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../src/app-context.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { ACTIVE_STATUSES, SyncMode, SyncStatus } from '../../src/sync/sync-enums.js';
import { SyncIssue } from '../../src/sync/sync-issue.entity.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { In } from 'typeorm';
import { writeMalformedCase } from '../support/faults-csv.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const CASES = Number(process.env.MALFORMED_CASES ?? 520);
const SEED = Number(process.env.MALFORMED_SEED ?? 20261123);
const PER_RUN_TIMEOUT_MS = 20_000;

/** What an operator can read: one line, short, no stack frame or JavaScript internals. */
function unreadable(message: string, maxLength = 400): string | null {
  if (!message.trim()) return 'empty';
  if (/[\r\n]/.test(message)) return 'more than one line';
  if (message.length > maxLength) return `too long (${message.length} characters)`;
  if (
    /\bat .+:\d+:\d+|^(TypeError|RangeError|ReferenceError|SyntaxError)\b|Cannot read propert|is not a function|is not iterable|\bundefined\b|\[object Object\]/.test(
      message,
    )
  ) {
    return 'looks like an internal error';
  }
  return null;
}

describe('malformed CSV exports through the sync engine (sqlite)', () => {
  let db: TestDatabase;
  let app: AppContext;
  let root: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = testApp(db);
    root = mkdtempSync(join(tmpdir(), 'homeroom-malformed-'));
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    rmSync(root, { recursive: true, force: true });
    await db.drop();
  });

  it(`${CASES} generated inputs each end LAUNCHED or FAILED with a readable reason`, async () => {
    const districts = new DistrictService(db.ds, app.config.secretKey);
    // A few districts per source kind, reused round-robin (later runs meet earlier runs' rosters).
    const pool: Record<string, number[]> = { [SourceKind.CLEVER_CSV]: [], [SourceKind.ONEROSTER_CSV]: [] };
    for (const kind of [SourceKind.CLEVER_CSV, SourceKind.ONEROSTER_CSV]) {
      for (let i = 0; i < 3; i++) {
        const id = (await createDistrict(app, `${kind} ${i}`, kind, { path: root })).id;
        // These districts are tiny and each run meets the previous case's roster: the
        // mass-delete guard (tested in data-safety) would hold most runs; this test is about reading.
        await districts.update(id, { resetDeleteThreshold: 100 });
        pool[kind].push(id);
      }
    }
    const problems: string[] = [];
    const outcomes: Record<string, number> = {};
    const byMutation: Record<string, Record<string, number>> = {};

    for (let n = 0; n < CASES; n++) {
      const c = writeMalformedCase(root, SEED, n);
      const districtId = pool[c.kind][n % pool[c.kind].length];
      await districts.update(districtId, { source: { path: c.path } });
      const what = `case ${n} (${c.kind}: ${c.mutations.join(', ')})`;
      let run: SyncRun;
      try {
        let timer: NodeJS.Timeout | undefined;
        run = await Promise.race([
          sync(app, districtId, { mode: n % 7 === 0 ? SyncMode.RESET : SyncMode.EDIT, overrideThreshold: n % 14 === 0 }),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`stuck for ${PER_RUN_TIMEOUT_MS} ms`)), PER_RUN_TIMEOUT_MS))),
        ]).finally(() => clearTimeout(timer));
      } catch (e) {
        problems.push(`${what}: threw ${(e as Error).stack ?? e}`);
        break; // a thrown or stuck run leaves the district busy: stop here and report it
      }
      const issues = Object.values(run.issueCounts ?? {}).reduce((a, b) => a + b, 0);
      const outcome =
        run.status === SyncStatus.FAILED
          ? 'FAILED'
          : run.status === SyncStatus.LAUNCHED
            ? issues > 0
              ? 'LAUNCHED with issues'
              : 'LAUNCHED clean'
            : run.status;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      for (const m of c.mutations) (byMutation[m] ??= {})[outcome] = (byMutation[m][outcome] ?? 0) + 1;
      if (run.status !== SyncStatus.LAUNCHED && run.status !== SyncStatus.FAILED) problems.push(`${what}: ended ${run.status}`);
      if (run.activeDistrictId !== null || !run.finishedAt) problems.push(`${what}: run not closed`);
      if (run.status === SyncStatus.FAILED) {
        const why = unreadable(run.error ?? '');
        if (why) problems.push(`${what}: error ${why}: ${JSON.stringify((run.error ?? '').slice(0, 300))}`);
      }
      const bad = (await db.ds.getRepository(SyncIssue).find({ where: { runId: run.id }, take: 50 }))
        .map((i) => [i, unreadable(i.message, Infinity)] as const)
        .find(([, why]) => why);
      if (bad) problems.push(`${what}: issue ${bad[0].code} ${bad[1]}: ${JSON.stringify(bad[0].message.slice(0, 300))}`);
      if (problems.length >= 10) break;
    }
    if (problems.length || process.env.MALFORMED_REPORT) console.log({ outcomes, byMutation });
    expect(problems).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(CASES);
    // Both ends occur: the inputs are damaged enough to fail runs, and mild enough to launch with issues.
    expect(outcomes.FAILED).toBeGreaterThan(CASES / 10);
    expect(outcomes['LAUNCHED with issues']).toBeGreaterThan(CASES / 10);
    expect(await db.ds.getRepository(SyncRun).countBy({ status: In(ACTIVE_STATUSES) })).toBe(0);
  }, 170_000);

  // An issue message quotes at most a short part of a huge source value.
  it('issue messages stay short when a source value is huge', async () => {
    const kind = SourceKind.CLEVER_CSV;
    const d = await createDistrict(app, 'huge value', kind, { path: root });
    const c = writeMalformedCase(root, 20261123, 65); // clever-csv, a 490 kB Term_end
    expect(c.mutations).toEqual(['huge field']);
    await new DistrictService(db.ds, app.config.secretKey).update(d.id, { source: { path: c.path } });
    const run = await sync(app, d.id);
    const issues = await db.ds.getRepository(SyncIssue).findBy({ runId: run.id });
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(unreadable(i.message)).toBeNull();
  });
});

// Fault: one damaged record in a realistic export (a stray quote, a field over 1 MB) costs that
// record only — the rows after it are still read and an Edit deletes none of them — and a file
// that cannot be trusted (cut off inside a quoted field) fails the run with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../src/app-context.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import { SyncStatus } from '../../src/sync/sync-enums.js';
import { SyncIssue } from '../../src/sync/sync-issue.entity.js';
import { damageLine, exportLines, writeDemoCsvExport, type CsvExportKind } from '../support/demo-csv-export.js';
import { createDistrict, sync, testApp } from '../support/test-app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/test-database.js';

const KINDS: CsvExportKind[] = [SourceKind.CLEVER_CSV, SourceKind.ONEROSTER_CSV];

/** section|person of an enrollments.csv line of either format. */
function enrollmentKey(kind: CsvExportKind, line: string): string {
  const f = line.split(',');
  return kind === SourceKind.CLEVER_CSV ? `${f[1]}|${f[2]}` : `${f[3]}|${f[5]}`;
}

describe.each(DIALECTS)('damaged CSV exports through an Edit sync on %s', (dialect) => {
  let db: TestDatabase;
  let app: AppContext;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = testApp(db);
    root = mkdtempSync(join(tmpdir(), 'homeroom-damaged-'));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await db.drop();
  });

  async function liveEnrollments(districtId: number): Promise<Set<string>> {
    const rows: Array<{ k: string }> = await db.ds.query(
      `SELECT ${dialect === 'mysql' ? "CONCAT(s.sourceId, '|', p.sourceId)" : "s.sourceId || '|' || p.sourceId"} AS k
       FROM enrollment e JOIN section s ON s.id = e.sectionId JOIN person p ON p.id = e.personId
       WHERE e.districtId = ? AND e.deletedAt IS NULL`,
      [districtId],
    );
    return new Set(rows.map((r) => r.k));
  }

  const without = (all: Set<string>, key: string) => new Set([...all].filter((k) => k !== key));

  it.each(KINDS)(
    '%s: a stray quote at line 2001 of enrollments.csv is one issue; every later row is still synced',
    async (kind) => {
      const clean = writeDemoCsvExport(kind, 400);
      const d = await createDistrict(app, `${kind} stray quote`, kind, { path: clean });
      expect((await sync(app, d.id)).status).toBe(SyncStatus.LAUNCHED);
      const before = await liveEnrollments(d.id);
      const lines = exportLines(clean, 'enrollments.csv');
      expect(lines.length).toBeGreaterThan(2500);
      expect(before.has(enrollmentKey(kind, lines[2000]))).toBe(true);

      const damaged = join(root, `${kind}-quote`);
      cpSync(clean, damaged, { recursive: true });
      damageLine(damaged, 'enrollments.csv', 2001, (l) => l.replace(',', ',"')); // a quote opening the second field, never closed
      await new DistrictService(db.ds, app.config.secretKey).update(d.id, { source: { path: damaged } });
      const run = await sync(app, d.id);
      expect(run.status).toBe(SyncStatus.LAUNCHED);
      const issues = await db.ds.getRepository(SyncIssue).findBy({ runId: run.id });
      expect(issues.map((i) => [i.entityType, i.code, i.message])).toEqual([
        [
          'enrollments',
          'INVALID_VALUE',
          'enrollments.csv line 2001 could not be read: a quoted field that opens on this line is never closed; the line was skipped and reading went on with the next line.',
        ],
      ]);
      expect(run.counts!.enrollments.deleted).toBe(1);
      expect(await liveEnrollments(d.id)).toEqual(without(before, enrollmentKey(kind, lines[2000])));
    },
    60_000,
  );

  it.each(KINDS)(
    '%s: a field over 1 MB is one issue; the rest of the file is synced',
    async (kind) => {
      const clean = writeDemoCsvExport(kind, 400);
      const d = await createDistrict(app, `${kind} huge field`, kind, { path: clean });
      expect((await sync(app, d.id)).status).toBe(SyncStatus.LAUNCHED);
      const before = await liveEnrollments(d.id);
      const lines = exportLines(clean, 'enrollments.csv');

      const damaged = join(root, `${kind}-huge`);
      cpSync(clean, damaged, { recursive: true });
      damageLine(damaged, 'enrollments.csv', 1500, (l) => l.replace(/,[^,]*/, `,"${'x,"" '.repeat(300_000)}"`)); // a 1.5 MB second field, quoted
      await new DistrictService(db.ds, app.config.secretKey).update(d.id, { source: { path: damaged } });
      const run = await sync(app, d.id);
      expect(run.status).toBe(SyncStatus.LAUNCHED);
      const issues = await db.ds.getRepository(SyncIssue).findBy({ runId: run.id });
      expect(issues.map((i) => [i.code, i.message])).toEqual([
        [
          'INVALID_VALUE',
          'enrollments.csv line 1500 could not be read: the line is longer than 1,000,000 characters (a field over 1 MB?); the line was skipped and reading went on with the next line.',
        ],
      ]);
      expect(await liveEnrollments(d.id)).toEqual(without(before, enrollmentKey(kind, lines[1499])));
    },
    60_000,
  );

  it.each(KINDS)(
    '%s: a file that ends inside a quoted field fails the run and changes nothing',
    async (kind) => {
      const clean = writeDemoCsvExport(kind, 400);
      const d = await createDistrict(app, `${kind} cut in quote`, kind, { path: clean });
      expect((await sync(app, d.id)).status).toBe(SyncStatus.LAUNCHED);
      const before = await liveEnrollments(d.id);

      const cut = join(root, `${kind}-cut`);
      cpSync(clean, cut, { recursive: true });
      const lines = exportLines(clean, 'enrollments.csv');
      writeFileSync(join(cut, 'enrollments.csv'), `${lines.slice(0, 1200).join('\r\n')}\r\n${lines[1200].replace(',', ',"').slice(0, 20)}`);
      await new DistrictService(db.ds, app.config.secretKey).update(d.id, { source: { path: cut } });
      const run = await sync(app, d.id);
      expect(run.status).toBe(SyncStatus.FAILED);
      expect(run.error).toBe(
        'enrollments.csv cannot be trusted: it ends inside a quoted field that opens on line 1201, so the file looks cut off; nothing was synced.',
      );
      expect(await liveEnrollments(d.id)).toEqual(before);
    },
    60_000,
  );
});

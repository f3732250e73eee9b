import type { DataSource } from 'typeorm';
import { dialectOf } from './sql-dialect.js';

/**
 * Per-run staging tables: `keys` holds the state of every person and section the source
 * sent (kept, filtered, invalid), so enrollments can be checked without holding the
 * district in memory; `plan` holds every planned change. Both are dropped when the run
 * ends; a process that finds tables of runs no longer in progress drops them.
 */
export interface StageTables {
  keys: string;
  plan: string;
}

const PREFIX = 'sync_stage_';

export function stageTablesOf(runId: number): StageTables {
  if (!Number.isSafeInteger(runId) || runId <= 0) throw new Error(`invalid run id ${runId}`);
  return { keys: `${PREFIX}${runId}_keys`, plan: `${PREFIX}${runId}_plan` };
}

export async function createStageTables(ds: DataSource, runId: number): Promise<StageTables> {
  const t = stageTablesOf(runId);
  await dropStageTables(ds, runId);
  if (dialectOf(ds) === 'sqlite') {
    await ds.query(`CREATE TABLE ${t.keys} (entityType VARCHAR(16) NOT NULL, sourceId VARCHAR(255) NOT NULL, state CHAR(1) NOT NULL, PRIMARY KEY (entityType, sourceId))`);
    await ds.query(
      `CREATE TABLE ${t.plan} (id INTEGER PRIMARY KEY AUTOINCREMENT, entityType VARCHAR(16) NOT NULL, action VARCHAR(8) NOT NULL, entityId INTEGER NULL, ` +
        'sourceId VARCHAR(255) NULL, label VARCHAR(255) NOT NULL, recordKey TEXT NOT NULL, refKey CHAR(40) NULL, schoolId INTEGER NULL, role VARCHAR(10) NULL, ' +
        'beforeValues TEXT NULL, afterValues TEXT NULL)',
    );
  } else {
    // Byte-for-byte ids (binary collation); the plan is written once and read back in id
    // order by this run alone, so it needs no transactions (MyISAM: fast bulk writes, instant drop).
    await ds.query(
      `CREATE TABLE ${t.keys} (entityType VARCHAR(16) NOT NULL, sourceId VARCHAR(255) NOT NULL, state CHAR(1) NOT NULL, PRIMARY KEY (entityType, sourceId)) ` +
        'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
    );
    await ds.query(
      `CREATE TABLE ${t.plan} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, entityType VARCHAR(16) NOT NULL, action VARCHAR(8) NOT NULL, entityId INT NULL, ` +
        'sourceId VARCHAR(255) NULL, label VARCHAR(255) NOT NULL, recordKey TEXT NOT NULL, refKey CHAR(40) CHARACTER SET ascii NULL, schoolId INT NULL, role VARCHAR(10) NULL, ' +
        'beforeValues MEDIUMTEXT NULL, afterValues MEDIUMTEXT NULL) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
    );
  }
  // refKey first: an index led by entityType would be chosen for the batch reads and sort them.
  await ds.query(`CREATE UNIQUE INDEX ${t.plan}_ref ON ${t.plan} (refKey, entityType)`);
  return t;
}

export async function dropStageTables(ds: DataSource, runId: number): Promise<void> {
  const t = stageTablesOf(runId);
  await ds.query(`DROP TABLE IF EXISTS ${t.keys}`);
  await ds.query(`DROP TABLE IF EXISTS ${t.plan}`);
}

async function stageTableNames(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> =
    dialectOf(ds) === 'sqlite'
      ? await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '${PREFIX}%'`)
      : await ds.query(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '${PREFIX}%'`);
  return rows.map((r) => String(r.name));
}

/** Drops staging tables left by runs that are no longer in progress (a process died mid-run). */
export async function dropLeftoverStageTables(ds: DataSource): Promise<number> {
  const runIds = new Set<number>();
  for (const name of await stageTableNames(ds)) {
    const m = /^sync_stage_(\d+)_(keys|plan)$/.exec(name);
    if (m) runIds.add(Number(m[1]));
  }
  if (runIds.size === 0) return 0;
  const active: Array<{ id: number }> = await ds.query(
    `SELECT id FROM sync_run WHERE status = 'IN_PROGRESS' AND id IN (${[...runIds].join(', ')})`,
  );
  const keep = new Set(active.map((r) => Number(r.id)));
  let dropped = 0;
  for (const runId of runIds) {
    if (keep.has(runId)) continue;
    await dropStageTables(ds, runId);
    dropped++;
  }
  return dropped;
}

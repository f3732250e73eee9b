import { Readable } from 'node:stream';
import { QueryFailedError, type DataSource } from 'typeorm';
import { insertRows, q } from './batch-sql.js';
import { dialectOf } from './sql-dialect.js';

/** The part of a mysql2 connection used here (TypeORM's query runner holds one). */
interface MysqlConnection {
  promise(): { query(options: { sql: string; infileStreamFactory: () => Readable }): Promise<[{ warningStatus?: number }, unknown]> };
}

/**
 * Server or client answers meaning LOAD DATA LOCAL is switched off (MySQL 8's default): multi-row
 * INSERTs instead. 1148 and 4166: MariaDB (server off; a client without the capability).
 */
const LOCAL_INFILE_OFF = new Set([1148, 2068, 3948, 3950, 4166]);
const localInfileOff = new WeakSet<DataSource>();

/** A value as a tab-separated field of LOAD DATA (NULL is \N; backslash escapes as MySQL reads them). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\t\n\r\0]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\0'));
}

/**
 * Writes rows into one of the run's staging tables. On MySQL/MariaDB as one LOAD DATA LOCAL
 * stream per call: the server parses tab-separated text as it arrives instead of a statement
 * with up to 30,000 escaped values (a first sync's enrollments staged in about a third less
 * time). LOCAL downgrades errors to warnings, as `INSERT IGNORE` does (the only verb the
 * staging writes use besides INSERT); for a plain INSERT any warning (a value cut to fit its
 * column) fails the call, as the INSERT would have. Where the server or driver refuses LOCAL,
 * and on SQLite, multi-row INSERTs.
 */
export async function insertStageRows(ds: DataSource, table: string, columns: string[], rows: unknown[][], options: { verb?: string } = {}): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(ds) === 'sqlite' || localInfileOff.has(ds)) return insertRows(ds.manager, table, columns, rows, options);
  const ignore = /IGNORE/i.test(options.verb ?? '');
  const sql =
    `LOAD DATA LOCAL INFILE 'stage' ${ignore ? 'IGNORE ' : ''}INTO TABLE ${table} CHARACTER SET utf8mb4 ` +
    `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.map(q).join(', ')})`;
  const text = Buffer.from(rows.map((r) => `${r.map(field).join('\t')}\n`).join(''));
  const runner = ds.createQueryRunner();
  try {
    const connection = (await runner.connect()) as MysqlConnection;
    const [result] = await connection.promise().query({ sql, infileStreamFactory: () => Readable.from([text]) });
    // LOCAL turns every error into a warning: without IGNORE, a warning fails the rows as INSERT would.
    if (result.warningStatus && !ignore) {
      throw new QueryFailedError(
        sql,
        [],
        Object.assign(new Error(`LOAD DATA into ${table} left ${result.warningStatus} warnings`), { code: 'STAGE_WARNINGS' }),
      );
    }
  } catch (err) {
    const errno = Number((err as { errno?: unknown }).errno);
    if (!LOCAL_INFILE_OFF.has(errno)) throw err instanceof QueryFailedError ? err : new QueryFailedError(sql, [], err as Error);
    localInfileOff.add(ds);
    await insertRows(ds.manager, table, columns, rows, options);
  } finally {
    await runner.release();
  }
}

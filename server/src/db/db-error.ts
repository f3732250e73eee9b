/*
 * Database errors as logs may show them. A failed query's error carries its SQL and
 * parameters (TypeORM's QueryFailedError: query, parameters, driverError.sql), and MySQL's
 * message quotes the offending value ("Duplicate entry '1-02m800' for key …"): roster values
 * that must never reach a log. What is kept: the driver's error code and the table.
 */

export interface SafeDbError {
  type: string;
  message: string;
  code: string | null;
  table: string | null;
}

type Loose = Record<string, unknown> & { cause?: unknown; driverError?: unknown };

/** True for an error about a failed statement (it may hold SQL, parameters or values). */
function isQueryError(e: unknown): e is Loose {
  if (!e || typeof e !== 'object') return false;
  const o = e as Loose;
  return o.name === 'QueryFailedError' || 'query' in o || 'sql' in o || 'parameters' in o || 'sqlMessage' in o || 'driverError' in o;
}

/** The first query error in an error and its chain of causes, if any. */
function queryErrorIn(err: unknown): Loose | null {
  for (let e = err, depth = 0; e && depth < 8; e = (e as Loose).cause, depth++) if (isQueryError(e)) return e;
  return null;
}

/** The table a statement works on: INSERT INTO t, UPDATE t, DELETE FROM t, SELECT … FROM t. */
export function tableOf(sql: unknown): string | null {
  if (typeof sql !== 'string') return null;
  const m = /\b(?:INSERT\s+(?:IGNORE\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM|FROM)\s+[`"[]?([A-Za-z_][\w]*)/i.exec(sql);
  return m ? m[1] : null;
}

/** A sanitized stand-in for `err` when it is (or was caused by) a failed query; null otherwise. */
export function safeDbError(err: unknown): SafeDbError | null {
  const q = queryErrorIn(err);
  if (!q) return null;
  const driver = (q.driverError ?? q) as Loose;
  const code = String(driver.code ?? q.code ?? driver.errno ?? '') || null;
  const table = tableOf(q.query ?? driver.sql ?? q.sql);
  const type = err instanceof Error ? err.constructor.name : 'Error';
  return { type, message: `database error${code ? ` ${code}` : ''}${table ? ` on table ${table}` : ''}`, code, table };
}

import type { EntityManager } from 'typeorm';
import { dialectOf } from './sql-dialect.js';

/** SQLite allows 32,766 bound variables per statement; stay well below for both dialects. */
const MAX_VARIABLES = 30000;
const MAX_ROWS = 5000;
/** The most values one `IN (…)` list carries. */
export const IN_LIST = 5000;
/**
 * The lengths an IN list is padded to, and the row counts a SQLite multi-row INSERT is cut
 * into. SQLite compiles every new statement text into a program of its own, held in native
 * memory until the garbage collector finds the statement (it cannot see that memory): one
 * new text per batch grew a 250k-student re-sync's process by 80 MB. A few shapes per
 * statement stay in the statement cache and are reused.
 */
const SHAPES = [1024, 256, 64, 16, 4, 1];
const IN_SIZES = [16, 128, 1024, IN_LIST];

export const q = (column: string) => `\`${column}\``;

/**
 * The placeholders of an `IN (…)` list of up to IN_LIST values and the values to bind, padded
 * to one of a few lengths by repeating the last value (which matches nothing new).
 */
export function inList<T>(values: T[]): { sql: string; params: T[] } {
  if (values.length === 0 || values.length > IN_LIST) throw new Error(`an IN list holds 1 to ${IN_LIST} values, not ${values.length}`);
  const size = IN_SIZES.find((s) => s >= values.length)!;
  const params = values.length === size ? values : [...values, ...Array<T>(size - values.length).fill(values[values.length - 1])];
  return { sql: Array<string>(size).fill('?').join(', '), params };
}

/** `inList` of each IN_LIST values of `values` in turn (none for an empty list). */
export function* inLists<T>(values: T[]): Generator<{ sql: string; params: T[] }> {
  for (let i = 0; i < values.length; i += IN_LIST) yield inList(values.slice(i, i + IN_LIST));
}

/** Runs `run` with each padded IN list of `values` (see inLists) and concatenates the results. */
export async function inChunks<T, R>(values: T[], run: (list: { sql: string; params: T[] }) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const list of inLists(values)) out.push(...(await run(list)));
  return out;
}

/** Row counts to write `total` rows in: full batches, then (SQLite) a few fixed smaller shapes. */
function batchSizes(total: number, full: number, sqlite: boolean): number[] {
  const sizes: number[] = [];
  let left = total;
  for (; left >= full; left -= full) sizes.push(full);
  if (!sqlite) return left > 0 ? [...sizes, left] : sizes;
  for (const shape of SHAPES.filter((s) => s < full)) for (; left >= shape; left -= shape) sizes.push(shape);
  return sizes;
}

/** Multi-row INSERTs in batches; `verb` may be an INSERT that ignores duplicates (see insertIgnore). */
export async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][], options: { verb?: string } = {}): Promise<void> {
  const full = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let at = 0;
  for (const size of batchSizes(rows.length, full, dialectOf(em) === 'sqlite')) {
    const batch = rows.slice(at, at + size);
    at += size;
    await em.query(`${options.verb ?? 'INSERT'} INTO ${table} (${columns.map(q).join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
  }
}

/** Runs `UPDATE … WHERE id IN (…)` over the ids in chunks; `set` may hold ? placeholders bound by `params`. */
export async function updateByIds(em: EntityManager, table: string, set: string, params: unknown[], ids: number[]): Promise<void> {
  for (const list of inLists(ids)) {
    await em.query(`UPDATE ${table} SET ${set} WHERE id IN (${list.sql})`, [...params, ...list.params]);
  }
}

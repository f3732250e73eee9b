import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const ROSTER_TABLES = ['school', 'person', 'person_school', 'term', 'course', 'section', 'enrollment'] as const;

/** Row counts and a SHA-256 over every column of every roster row (ordered), per table. */
export async function rosterFingerprint(ds: DataSource): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of ROSTER_TABLES) {
    const rows: Array<Record<string, unknown>> = await ds.query(`SELECT * FROM ${table}`);
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]]),
        ),
      )
      .sort();
    const hash = createHash('sha256');
    for (const l of lines) hash.update(l).update('\n');
    out[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return out;
}

export async function waitFor<T>(
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  timeoutMs: number,
  what: string,
  everyMs = 25,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

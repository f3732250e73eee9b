import type { DataSource } from 'typeorm';

/** Questions tests ask of a district's roster, answered straight from the tables (live: not deleted). */

export const ROSTER_ENTITY_TABLES = ['school', 'term', 'course', 'person', 'section', 'enrollment'] as const;

/** Source ids of the district's live rows of a table, sorted. */
export async function liveSourceIds(ds: DataSource, districtId: number, table: string): Promise<string[]> {
  const rows: Array<{ sourceId: string }> = await ds.query(`SELECT sourceId FROM ${table} WHERE districtId = ? AND deletedAt IS NULL ORDER BY sourceId`, [
    districtId,
  ]);
  return rows.map((r) => r.sourceId);
}

/** How many live rows of a table the district has. */
export async function liveCount(ds: DataSource, districtId: number, table: string): Promise<number> {
  return Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table} WHERE districtId = ? AND deletedAt IS NULL`, [districtId]))[0].n);
}

/** Live rows per roster table. */
export async function liveCounts(ds: DataSource, districtId: number): Promise<Record<(typeof ROSTER_ENTITY_TABLES)[number], number>> {
  const out = {} as Record<(typeof ROSTER_ENTITY_TABLES)[number], number>;
  for (const t of ROSTER_ENTITY_TABLES) out[t] = await liveCount(ds, districtId, t);
  return out;
}

/** The district's row of a table with this source id (deleted or not), every column. */
export async function rosterRow(ds: DataSource, districtId: number, table: string, sourceId: string): Promise<Record<string, any> | undefined> {
  return (await ds.query(`SELECT * FROM ${table} WHERE districtId = ? AND sourceId = ?`, [districtId, sourceId]))[0];
}

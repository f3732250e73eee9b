import type { EntityManager } from 'typeorm';

/** SQLite allows 32,766 bound variables per statement; stay well below for both dialects. */
const MAX_VARIABLES = 30000;
const MAX_ROWS = 5000;

export const q = (column: string) => `\`${column}\``;

/** Multi-row INSERTs in batches; `verb` may be an INSERT that ignores duplicates (see insertIgnore). */
export async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][], options: { verb?: string } = {}): Promise<void> {
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await em.query(`${options.verb ?? 'INSERT'} INTO ${table} (${columns.map(q).join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
  }
}

/** Runs `UPDATE … WHERE id IN (…)` over the ids in chunks; `set` may hold ? placeholders bound by `params`. */
export async function updateByIds(em: EntityManager, table: string, set: string, params: unknown[], ids: number[], chunk = 5000): Promise<void> {
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    await em.query(`UPDATE ${table} SET ${set} WHERE id IN (${part.join(', ')})`, params);
  }
}

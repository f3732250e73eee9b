import type { DataSource, EntityManager } from 'typeorm';

export type SqlDialect = 'sqlite' | 'mysql';

export function dialectOf(db: DataSource | EntityManager): SqlDialect {
  const type = ('connection' in db ? db.connection : db).options.type;
  return type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

/** `INSERT` that skips rows violating a unique key instead of failing the statement. */
export function insertIgnore(dialect: SqlDialect): string {
  return dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
}

/**
 * Lets the event loop serve HTTP and WebSocket traffic between two bounded batches.
 * better-sqlite3 answers synchronously, so a chain of awaited queries would otherwise
 * never leave the microtask queue.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from './sql-dialect.js';

/**
 * Runs the apply in one transaction without foreign-key checks. Every reference the apply
 * writes is an id it has just read from a live row in the same transaction (INSERT … SELECT
 * joins, or lookups by source id), and it deletes no parent row, so the checks only repeated
 * those lookups, two per enrollment: about a quarter of a large first sync's insert time. The
 * unique keys stay checked.
 *
 * MySQL/MariaDB: the session setting, switched off on the transaction's connection and back
 * on before it returns to the pool; READ COMMITTED takes no gap locks, so two districts
 * applying at once do not deadlock. SQLite: the pragma cannot change inside a transaction, so
 * it is switched around it, on the run's own connection.
 */
export async function applyInTransaction<T>(ds: DataSource, write: (em: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === 'sqlite') {
    await ds.query('PRAGMA foreign_keys = OFF');
    try {
      return await ds.transaction(write);
    } finally {
      await ds.query('PRAGMA foreign_keys = ON');
    }
  }
  return ds.transaction('READ COMMITTED', async (em) => {
    await em.query('SET SESSION foreign_key_checks = 0');
    try {
      return await write(em);
    } finally {
      // A connection that cannot take the statement is broken and is not reused.
      await em.query('SET SESSION foreign_key_checks = 1').catch(() => undefined);
    }
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { dropMysqlDatabase, openDatabase } from '../../src/db/data-source.js';
import { withDatabaseName } from '../../src/db/database-url.js';
import type { Dialect } from '../../src/db/database-url.js';

export const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const DIALECTS: Dialect[] = (process.env.TEST_DIALECTS?.split(',') as Dialect[] | undefined) ?? ['sqlite', 'mysql'];

export interface TestDatabase {
  dialect: Dialect;
  url: string;
  ds: DataSource;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh, empty (migrated unless told otherwise) database of one dialect, owned by one test file. */
export async function createTestDatabase(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `homeroom_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  let url: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'homeroom-test-'));
    url = `sqlite:${join(dir, 'test.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    url = withDatabaseName(MYSQL_URL, name);
    cleanup = () => dropMysqlDatabase(url);
  }
  const ds = await openDatabase(url, { migrate: options.migrate });
  return {
    dialect,
    url,
    ds,
    async drop() {
      if (ds.isInitialized) await ds.destroy();
      await cleanup();
    },
  };
}

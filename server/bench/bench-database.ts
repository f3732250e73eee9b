// Where a bench keeps its data: a database of its own on the MySQL server (MYSQL_URL), or a
// SQLite file in its temporary folder.
import { join } from 'node:path';
import { withDatabaseName } from '../src/db/database-url.js';

export const MYSQL_SERVER = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** The bench's database URL; `name` is unique per run (dropped by the bench at its end). */
export function benchDatabaseUrl(dialect: string, name: string, tmp: string): string {
  return dialect === 'sqlite' ? `sqlite:${join(tmp, 'bench.sqlite')}` : withDatabaseName(MYSQL_SERVER, name);
}

import { MIGRATIONS } from './migrations.js';
import { parseDatabaseUrl } from './database-url.js';

/** Read-only queries through the driver alone: for commands that must start at once (the ORM costs most of a second to load). */
export interface PlainReader {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

async function open(url: string): Promise<PlainReader | null> {
  const db = parseDatabaseUrl(url);
  if (db.dialect === 'sqlite') {
    if (db.database === ':memory:') return null;
    const { default: Database } = await import('better-sqlite3');
    const conn = new Database(db.database, { readonly: true, fileMustExist: true });
    return { all: async (sql, params = []) => conn.prepare(sql).all(...params) as never, close: async () => void conn.close() };
  }
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
    database: db.database,
    dateStrings: true,
  });
  return { all: async (sql, params = []) => (await conn.query(sql, params))[0] as never, close: () => conn.end() };
}

/**
 * A plain reader of the database at `url` when its schema is exactly up to date, else null:
 * a missing database, or migrations still to run, are the full app's job (it migrates).
 */
export async function openPlainReader(url: string): Promise<PlainReader | null> {
  const reader = await open(url).catch(() => null);
  if (!reader) return null;
  try {
    const ran = new Set((await reader.all<{ name: string }>('SELECT name FROM migrations')).map((r) => String(r.name)));
    const expected = MIGRATIONS[parseDatabaseUrl(url).dialect].map((M) => new M().name);
    if (ran.size === expected.length && expected.every((name) => name !== undefined && ran.has(name))) return reader;
  } catch {
    // No migrations table yet.
  }
  await reader.close().catch(() => undefined);
  return null;
}

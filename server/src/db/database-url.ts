export type Dialect = 'sqlite' | 'mysql';

export interface ParsedDatabaseUrl {
  dialect: Dialect;
  /** sqlite: file path (or ":memory:"); mysql: the database name. */
  database: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string;
}

export function parseDatabaseUrl(url: string): ParsedDatabaseUrl {
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', database: url.slice('sqlite:'.length) };
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  if (u.protocol !== 'mysql:') throw new Error(`Unsupported database URL "${url}"`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`DATABASE_URL "${url}" names no database (mysql://user@host:3306/<database>)`);
  return {
    dialect: 'mysql',
    database,
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    username: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  };
}

/** The same server URL pointing at another database. */
export function withDatabaseName(serverUrl: string, database: string): string {
  const u = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  u.pathname = `/${database}`;
  return u.toString();
}

/** The URL of the database an open connection uses (what another thread or process opens to share it). */
export function databaseUrlOf(options: { type: string; database?: unknown; host?: string; port?: number; username?: string; password?: string }): string {
  if (options.type === 'better-sqlite3') return `sqlite:${String(options.database)}`;
  const auth = `${encodeURIComponent(options.username ?? 'root')}${options.password ? `:${encodeURIComponent(options.password)}` : ''}`;
  return `mysql://${auth}@${options.host ?? '127.0.0.1'}:${options.port ?? 3306}/${encodeURIComponent(String(options.database))}`;
}

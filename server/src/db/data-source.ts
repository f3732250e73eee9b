import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { parseDatabaseUrl, type Dialect } from './database-url.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { SafeTypeOrmLogger } from './safe-typeorm-logger.js';

export interface DataSourceFactoryOptions {
  logging?: boolean;
  /** The server is MariaDB (TypeORM reads its column defaults differently); probed by openDatabase. */
  mariadb?: boolean;
}

export function dialectOf(ds: DataSource): Dialect {
  return ds.options.type === 'mysql' || ds.options.type === 'mariadb' ? 'mysql' : 'sqlite';
}

/** Builds (does not initialize) the DataSource for a DATABASE_URL. */
export function createDataSource(url: string, options: DataSourceFactoryOptions = {}): DataSource {
  const parsed = parseDatabaseUrl(url);
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS[parsed.dialect],
    migrationsTableName: 'migrations',
    // Off by default, and no maxQueryExecutionTime: nothing logs SQL. When turned on, the
    // logger names tables, never SQL text or parameters (roster values).
    logging: options.logging ?? false,
    logger: new SafeTypeOrmLogger(options.logging ?? false),
  };
  let dsOptions: DataSourceOptions;
  if (parsed.dialect === 'sqlite') {
    const file = parsed.database === ':memory:' ? ':memory:' : resolve(parsed.database);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    dsOptions = {
      ...common,
      type: 'better-sqlite3',
      database: file,
      // A sync's multi-row statements differ in length batch to batch and each prepared one
      // holds its compiled program: 100 of them (the default) is memory that grows with the
      // district until the cache fills. The small statements the API repeats stay cached.
      statementCacheSize: 24,
      // Several processes (api, worker, CLI) share the file: WAL lets readers run beside the writer.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 15000');
        db.pragma('synchronous = NORMAL');
      },
    };
  } else {
    dsOptions = {
      ...common,
      type: options.mariadb || url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
      host: parsed.host,
      port: parsed.port,
      username: parsed.username,
      password: parsed.password,
      database: parsed.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      poolSize: 10,
      // mysql2 otherwise captures a stack trace for every statement (1.5% of an API process's
      // CPU under partner load, in a profile) to decorate errors whose stacks are never logged.
      extra: { trace: false },
    } as DataSourceOptions;
  }
  return new DataSource(dsOptions);
}

/** Runs one statement on the MySQL server of the URL; returns whether the server is MariaDB. */
async function onMysqlServer(url: string, statement: (db: string) => string): Promise<boolean> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect !== 'mysql') return false;
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({ host: parsed.host, port: parsed.port, user: parsed.username, password: parsed.password });
  try {
    await conn.query(statement(`\`${parsed.database.replace(/`/g, '')}\``));
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0].v));
  } finally {
    await conn.end();
  }
}

/**
 * Creates the MySQL database named by the URL when it does not exist yet (no-op for
 * SQLite). Returns whether the server is MariaDB.
 */
export function ensureDatabaseExists(url: string): Promise<boolean> {
  return onMysqlServer(url, (db) => `CREATE DATABASE IF NOT EXISTS ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
}

/** Drops the MySQL database named by the URL (tests and tools; no-op for SQLite). */
export async function dropMysqlDatabase(url: string): Promise<void> {
  await onMysqlServer(url, (db) => `DROP DATABASE IF EXISTS ${db}`);
}

/** Opens the database, creating it (MySQL) and applying pending migrations. */
export async function openDatabase(url: string, options: DataSourceFactoryOptions & { migrate?: boolean } = {}): Promise<DataSource> {
  const mariadb = await ensureDatabaseExists(url);
  const ds = createDataSource(url, { mariadb, ...options });
  await ds.initialize();
  if (options.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return ds;
}

import type { DataSource, QueryRunner } from 'typeorm';
import { dialectOf } from '../../db/data-source.js';
import type { Dialect } from '../../db/database-url.js';
import { retryOnLockConflict } from '../../db/lock-conflict.js';

export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

/** The few SQL primitives the job repository needs, per dialect. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  /** Quotes an identifier for the dialect. */
  q(identifier: string): string;
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /** Runs a write; `changes` is the number of rows the statement matched/changed. */
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number; insertId: number }>;
  /**
   * MySQL/MariaDB only: runs `fn` inside one transaction on one connection (retried on
   * deadlock). With `lockName`, holds that named lock (GET_LOCK) until after the commit, so
   * check-then-insert sequences on rows that do not exist yet are serialized.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, lockName?: string): Promise<T>;
}

interface BetterSqliteStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
}
interface BetterSqliteDatabase {
  prepare(sql: string): BetterSqliteStatement;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SQLite: statements run synchronously on the DataSource's own better-sqlite3 connection
 * (one per process; a second handle would dead-lock against the process's own open write
 * transactions). TypeORM shares that connection between all callers, so a statement issued
 * while some TypeORM transaction is open would silently join it (and roll back with it):
 * each statement first waits until no TypeORM transaction is active, then runs with no
 * await in between. Every statement is atomic on its own; cross-process exclusion comes
 * from SQLite's write lock (busy_timeout set by the DataSource).
 */
class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqliteStatement>();

  constructor(private readonly ds: DataSource) {}

  q(identifier: string): string {
    return `"${identifier.replace(/"/g, '""')}"`;
  }

  private get db(): BetterSqliteDatabase {
    return (this.ds.driver as unknown as { databaseConnection: BetterSqliteDatabase }).databaseConnection;
  }

  private async whenNoTransaction(): Promise<void> {
    const runner = (this.ds.driver as unknown as { queryRunner?: { isTransactionActive?: boolean } }).queryRunner;
    const deadline = Date.now() + 30_000;
    while (runner?.isTransactionActive && Date.now() < deadline) await sleep(2);
  }

  private prepare(sql: string): BetterSqliteStatement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    await this.whenNoTransaction();
    return this.prepare(sql).all(...params) as SqlRow[];
  }

  async run(sql: string, params: SqlValue[] = []): Promise<{ changes: number; insertId: number }> {
    await this.whenNoTransaction();
    const result = this.prepare(sql).run(...params);
    return { changes: result.changes, insertId: Number(result.lastInsertRowid) };
  }

  transaction<T>(): Promise<T> {
    throw new Error('SqliteExecutor.transaction: use single atomic statements on SQLite');
  }
}

/** MySQL/MariaDB through the DataSource's pool. */
class MysqlExecutor implements SqlExecutor {
  readonly dialect = 'mysql' as const;

  constructor(
    private readonly ds: DataSource,
    private readonly runner?: QueryRunner,
  ) {}

  q(identifier: string): string {
    return `\`${identifier.replace(/`/g, '``')}\``;
  }

  private query(sql: string, params: SqlValue[]): Promise<unknown> {
    return this.runner ? this.runner.query(sql, params) : this.ds.query(sql, params);
  }

  async all(sql: string, params: SqlValue[] = []): Promise<SqlRow[]> {
    return (await this.query(sql, params)) as SqlRow[];
  }

  async run(sql: string, params: SqlValue[] = []): Promise<{ changes: number; insertId: number }> {
    const result = (await this.query(sql, params)) as { affectedRows?: number; insertId?: number };
    return { changes: Number(result.affectedRows ?? 0), insertId: Number(result.insertId ?? 0) };
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, lockName?: string): Promise<T> {
    return retryOnLockConflict(async () => {
      const runner = this.ds.createQueryRunner();
      await runner.connect();
      let locked = false;
      try {
        if (lockName) {
          const [row] = (await runner.query('SELECT GET_LOCK(?, 30) AS got', [lockName.slice(0, 64)])) as Array<{ got: number }>;
          if (Number(row?.got) !== 1) throw new Error(`Timed out waiting for lock ${lockName}`);
          locked = true;
        }
        await runner.startTransaction('READ COMMITTED');
        const result = await fn(new MysqlExecutor(this.ds, runner));
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        if (locked) await runner.query('SELECT RELEASE_LOCK(?)', [lockName!.slice(0, 64)]).catch(() => undefined);
        await runner.release();
      }
    });
  }
}

export function createSqlExecutor(ds: DataSource): SqlExecutor {
  return dialectOf(ds) === 'mysql' ? new MysqlExecutor(ds) : new SqliteExecutor(ds);
}

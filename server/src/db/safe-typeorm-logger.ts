import type { LoggerOptions, Logger as TypeOrmLogger } from 'typeorm';
import { tableOf } from './db-error.js';

/**
 * TypeORM's logger, for when query logging is turned on to debug: it names the statement's
 * table and the error code, never the SQL text or its parameters (they hold roster values).
 * TypeORM's own loggers print both.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  /** `logging` of the DataSource options: TypeORM calls its logger either way. */
  constructor(private readonly logging: LoggerOptions = false) {}

  private on(kind: 'query' | 'error' | 'schema' | 'migration' | 'warn' | 'info' | 'log'): boolean {
    return this.logging === true || this.logging === 'all' || (Array.isArray(this.logging) && this.logging.includes(kind));
  }

  private write(line: string): void {
    process.stderr.write(`typeorm: ${line}\n`);
  }

  logQuery(query: string): void {
    if (this.on('query')) this.write(`query on ${tableOf(query) ?? 'an unnamed table'}`);
  }

  logQueryError(error: string | Error, query: string): void {
    if (!this.on('error')) return;
    const e = (typeof error === 'string' ? {} : error) as { code?: unknown; driverError?: { code?: unknown } };
    const code = e.code ?? e.driverError?.code;
    this.write(`query failed: database error${code ? ` ${String(code)}` : ''} on table ${tableOf(query) ?? 'unknown'}`);
  }

  /** Called only when maxQueryExecutionTime is set and exceeded. */
  logQuerySlow(time: number, query: string): void {
    this.write(`slow query (${time} ms) on ${tableOf(query) ?? 'an unnamed table'}`);
  }

  logSchemaBuild(message: string): void {
    if (this.on('schema')) this.write(`schema: ${message}`);
  }

  logMigration(message: string): void {
    if (this.on('migration')) this.write(`migration: ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (this.on(level)) this.write(`${level}: ${String(message)}`);
  }
}

import {
  computeJobState,
  type JobId,
  type JobParameters,
  type JobRepository,
  type JobRepositoryOptions,
  type JobsOverview,
  type JobsQueryOptions,
  type JobsResult,
  type JobsSort,
  type JobWithState,
  type RemoveJobsOptions,
} from 'agenda';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { columnValue, containsData, JOB_COLUMNS, ms, rowToJob, type JobColumn } from './job-row.js';
import { createSqlExecutor, type SqlExecutor, type SqlRow, type SqlValue } from './sql-executor.js';
import { containsPattern } from '../../db/like-pattern.js';
import { retryOnLockConflict } from '../../db/lock-conflict.js';

export const DEFAULT_JOB_TABLE = 'agenda_job';

interface Condition {
  sql: string;
  params: SqlValue[];
}

const and = (conditions: Condition[]): Condition => ({
  sql: conditions.length ? conditions.map((c) => `(${c.sql})`).join(' AND ') : '1=1',
  params: conditions.flatMap((c) => c.params),
});

/** Longest a batch-claimed job waits to be handed out before it is unlocked again. */
const CLAIM_HOLD_MS = 250;
const MAX_CLAIM_BATCH = 16;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Agenda ids are this table's integer ids as strings; anything else matches nothing. */
const numericIds = (ids: Array<JobId | string>): number[] =>
  ids
    .map((id) => String(id))
    .filter((id) => /^\d+$/.test(id))
    .map(Number);

/**
 * Agenda stores whatever a job threw as its failReason: a plain object would reach
 * better-sqlite3 as named parameters (the save fails and the job is re-locked forever)
 * and MariaDB as "[object Object]". Every value becomes one readable line.
 */
export function failReasonText(reason: unknown): string | null {
  if (reason === null || reason === undefined) return null;
  if (typeof reason === 'string') return reason;
  if (reason instanceof Error) return reason.message || reason.name;
  if (typeof reason === 'object') {
    const message = (reason as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    try {
      return JSON.stringify(reason) ?? String(reason);
    } catch {
      return Object.prototype.toString.call(reason);
    }
  }
  return String(reason);
}

const JOB_STATES = ['running', 'scheduled', 'queued', 'completed', 'failed', 'repeating', 'paused'] as const;

/**
 * Agenda 6 JobRepository over Homeroom's own database (SQLite or MySQL/MariaDB) through
 * the TypeORM DataSource. Locking is atomic across processes on both dialects: a conditional
 * UPDATE re-checks the "still lockable" condition under the row (InnoDB) or database
 * (SQLite) write lock, and only the process whose UPDATE changed the row owns the job.
 */
export class TypeormJobRepository implements JobRepository {
  private readonly exec: SqlExecutor;
  private readonly t: string;
  /** MariaDB: jobs claimed by a batch and not handed out yet, per job name and claimant. */
  private readonly claims = new Map<string, { rows: SqlRow[]; lockTime: number; size: number; lastAt: number }>();
  private lastLockTime = 0;
  /** Claimant name when Agenda passes none (claims are read back by lock time + claimant). */
  private readonly instanceName = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  constructor(
    private readonly ds: DataSource,
    readonly tableName: string = DEFAULT_JOB_TABLE,
  ) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tableName)) throw new Error(`Invalid job table name "${tableName}"`);
    this.exec = createSqlExecutor(ds);
    this.t = this.exec.q(tableName);
  }

  /** Checks the table exists; a custom table name gets a copy of agenda_job's structure. */
  async connect(): Promise<void> {
    if (!this.ds.isInitialized) throw new Error('The job backend needs an initialized DataSource');
    if (await this.tableExists(this.tableName)) return;
    if (this.tableName === DEFAULT_JOB_TABLE || !(await this.tableExists(DEFAULT_JOB_TABLE))) {
      throw new Error(`Table ${this.tableName} does not exist: run the migrations (homeroom migrate)`);
    }
    if (this.exec.dialect === 'mysql') {
      await this.exec.run(`CREATE TABLE IF NOT EXISTS ${this.t} LIKE ${this.exec.q(DEFAULT_JOB_TABLE)}`);
      return;
    }
    const rows = await this.exec.all(`SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC`, [DEFAULT_JOB_TABLE]);
    for (const row of rows) await this.exec.run(String(row.sql).split(DEFAULT_JOB_TABLE).join(this.tableName));
  }

  private async tableExists(name: string): Promise<boolean> {
    const rows =
      this.exec.dialect === 'mysql'
        ? await this.exec.all(`SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`, [name])
        : await this.exec.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]);
    return rows.length > 0;
  }

  // ---------------------------------------------------------------- reads

  private async rowById(id: number | string, exec: SqlExecutor = this.exec): Promise<SqlRow | undefined> {
    const [row] = await exec.all(`SELECT * FROM ${this.t} WHERE id = ?`, [Number(id)]);
    return row;
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    if (!/^\d+$/.test(String(id))) return null;
    const row = await this.rowById(id);
    return row ? rowToJob(row) : null;
  }

  async getDistinctJobNames(): Promise<string[]> {
    const rows = await this.exec.all(`SELECT DISTINCT name FROM ${this.t} ORDER BY name`);
    return rows.map((r) => String(r.name));
  }

  async getQueueSize(): Promise<number> {
    const [row] = await this.exec.all(`SELECT COUNT(*) AS c FROM ${this.t} WHERE nextRunAt < ?`, [Date.now()]);
    return Number(row?.c ?? 0);
  }

  async queryJobs(options: JobsQueryOptions = {}): Promise<JobsResult> {
    const { name, names, state, id, ids, search, data, includeDisabled = true, sort, skip = 0, limit = 0 } = options;
    const conditions: Condition[] = [];
    if (name) conditions.push({ sql: 'name = ?', params: [name] });
    else if (names?.length) conditions.push({ sql: `name IN (${placeholders(names.length)})`, params: names });
    if (id !== undefined || ids?.length) {
      const wanted = numericIds(id !== undefined ? [id] : ids!);
      conditions.push(wanted.length ? { sql: `id IN (${placeholders(wanted.length)})`, params: wanted } : { sql: '1=0', params: [] });
    }
    if (search) {
      conditions.push({ sql: `LOWER(name) LIKE ? ESCAPE '!'`, params: [containsPattern(search)] });
    }
    if (!includeDisabled) conditions.push({ sql: 'disabled = 0', params: [] });
    const where = and(conditions);
    const rows = await this.exec.all(`SELECT * FROM ${this.t} WHERE ${where.sql} ORDER BY ${this.orderBy(sort)}`, where.params);
    const now = new Date();
    let jobs: JobWithState[] = rows
      .map((row) => rowToJob(row))
      .filter((job) => data === undefined || containsData(job.data, data))
      .map((job) => ({ ...job, _id: job._id as JobId, state: computeJobState(job, now) }))
      .filter((job) => !state || (state === 'paused' ? job.disabled === true : job.state === state));
    const total = jobs.length;
    if (limit > 0) jobs = jobs.slice(skip, skip + limit);
    else if (skip > 0) jobs = jobs.slice(skip);
    return { jobs, total };
  }

  private orderBy(sort?: JobsSort): string {
    const dir = (d: string | undefined) => (d === 'asc' ? 'ASC' : 'DESC');
    const nullsLast = (column: string, d: string | undefined) => `(${column} IS NULL), ${column} ${dir(d)}`;
    const parts: string[] = [];
    if (sort?.nextRunAt) parts.push(nullsLast('nextRunAt', sort.nextRunAt));
    if (sort?.lastRunAt) parts.push(nullsLast('lastRunAt', sort.lastRunAt));
    if (sort?.lastFinishedAt) parts.push(nullsLast('lastFinishedAt', sort.lastFinishedAt));
    if (sort?.priority) parts.push(`priority ${dir(sort.priority)}`);
    if (sort?.name) parts.push(`name ${dir(sort.name)}`);
    if (sort?.data) parts.push(`data ${dir(sort.data)}`);
    if (!parts.length) parts.push(nullsLast('nextRunAt', 'desc'), nullsLast('lastRunAt', 'desc'));
    parts.push('id ASC');
    return parts.join(', ');
  }

  async getJobsOverview(): Promise<JobsOverview[]> {
    const rows = await this.exec.all(
      `SELECT id, name, priority, type, nextRunAt, lockedAt, lastFinishedAt, failedAt, repeatInterval, disabled FROM ${this.t} ORDER BY name`,
    );
    const now = new Date();
    const byName = new Map<string, JobsOverview>();
    for (const row of rows) {
      const job = rowToJob(row);
      let overview = byName.get(job.name);
      if (!overview) {
        overview = { name: job.name, total: 0, ...(Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Omit<JobsOverview, 'name' | 'total'>) };
        byName.set(job.name, overview);
      }
      overview.total++;
      overview[computeJobState(job, now)]++;
      if (job.disabled) overview.paused++;
    }
    return [...byName.values()];
  }

  // ---------------------------------------------------------------- bulk changes

  /** Ids matching remove/disable/enable options; null when the options name no criterion. */
  private async idsFor(options: RemoveJobsOptions): Promise<Condition | null> {
    const conditions: Condition[] = [];
    if (options.id !== undefined || options.ids?.length) {
      const wanted = numericIds(options.id !== undefined ? [options.id] : options.ids!);
      conditions.push(wanted.length ? { sql: `id IN (${placeholders(wanted.length)})`, params: wanted } : { sql: '1=0', params: [] });
    }
    if (options.name) conditions.push({ sql: 'name = ?', params: [options.name] });
    else if (options.names?.length) conditions.push({ sql: `name IN (${placeholders(options.names.length)})`, params: options.names });
    else if (options.notNames?.length) conditions.push({ sql: `name NOT IN (${placeholders(options.notNames.length)})`, params: options.notNames });
    if (!conditions.length && options.data === undefined) return null;
    const where = and(conditions);
    if (options.data === undefined) return where;
    const rows = await this.exec.all(`SELECT id, data FROM ${this.t} WHERE ${where.sql}`, where.params);
    const ids = rows.filter((r) => containsData(rowToJob({ ...r, name: '' }).data, options.data)).map((r) => Number(r.id));
    return ids.length ? { sql: `id IN (${placeholders(ids.length)})`, params: ids } : { sql: '1=0', params: [] };
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    const where = await this.idsFor(options);
    if (!where) return 0;
    return (await this.exec.run(`DELETE FROM ${this.t} WHERE ${where.sql}`, where.params)).changes;
  }

  async disableJobs(options: RemoveJobsOptions): Promise<number> {
    const where = await this.idsFor(options);
    if (!where) return 0;
    return (await this.exec.run(`UPDATE ${this.t} SET disabled = 1 WHERE ${where.sql}`, where.params)).changes;
  }

  async enableJobs(options: RemoveJobsOptions): Promise<number> {
    const where = await this.idsFor(options);
    if (!where) return 0;
    return (await this.exec.run(`UPDATE ${this.t} SET disabled = 0 WHERE ${where.sql}`, where.params)).changes;
  }

  async purgeAllJobs(): Promise<number> {
    return (await this.exec.run(`DELETE FROM ${this.t}`)).changes;
  }

  // ---------------------------------------------------------------- locking

  async lockJob(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<JobParameters | undefined> {
    if (!job._id || !/^\d+$/.test(String(job._id))) return undefined;
    const conditions: Condition[] = [{ sql: 'id = ? AND name = ? AND lockedAt IS NULL AND disabled = 0', params: [Number(job._id), job.name] }];
    if (job.nextRunAt) conditions.push({ sql: 'nextRunAt = ?', params: [ms(job.nextRunAt)] });
    const where = and(conditions);
    const { changes } = await this.exec.run(`UPDATE ${this.t} SET lockedAt = ?, lastModifiedBy = ? WHERE ${where.sql}`, [
      Date.now(),
      options?.lastModifiedBy ?? null,
      ...where.params,
    ]);
    if (changes !== 1) return undefined;
    const row = await this.rowById(job._id);
    return row ? rowToJob(row) : undefined;
  }

  async unlockJob(job: JobParameters): Promise<void> {
    if (!job._id || !/^\d+$/.test(String(job._id))) return;
    // A job whose nextRunAt is null is being processed right now: leave its lock alone.
    await this.exec.run(`UPDATE ${this.t} SET lockedAt = NULL WHERE id = ? AND nextRunAt IS NOT NULL`, [Number(job._id)]);
  }

  async unlockJobs(jobIds: Array<JobId | string>): Promise<void> {
    // Agenda calls this on stop: claimed jobs not handed out yet are released with them.
    for (const [key, claim] of this.claims) {
      this.claims.delete(key);
      await this.releaseClaims(claim.rows.splice(0), claim.lockTime);
    }
    const ids = numericIds(jobIds);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await this.exec.run(`UPDATE ${this.t} SET lockedAt = NULL WHERE id IN (${placeholders(chunk.length)})`, chunk);
    }
  }

  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const lockable: Condition = {
      sql: 'name = ? AND disabled = 0 AND ((lockedAt IS NULL AND nextRunAt <= ?) OR lockedAt <= ?)',
      params: [jobName, ms(nextScanAt), ms(lockDeadline)],
    };
    const order = 'ORDER BY (nextRunAt IS NULL), nextRunAt ASC, priority DESC, id ASC';
    const by = options?.lastModifiedBy ?? null;

    if (this.exec.dialect === 'mysql') return this.claimBatch(jobName, lockable, order, ms(nextScanAt), ms(lockDeadline), now, by);

    // SQLite: candidates are read, then claimed one by one with a conditional UPDATE under the
    // database write lock; only the caller whose UPDATE changed the row owns the job.
    for (let round = 0; round < 5; round++) {
      const candidates = await this.exec.all(`SELECT id FROM ${this.t} WHERE ${lockable.sql} ${order} LIMIT 20`, lockable.params);
      if (!candidates.length) return undefined;
      // The lock time is taken after the scan: a slow scan must not shorten the lock.
      const lockTime = ms(now ?? new Date());
      for (const candidate of candidates) {
        const { changes } = await this.exec.run(`UPDATE ${this.t} SET lockedAt = ?, lastModifiedBy = ? WHERE id = ? AND ${lockable.sql}`, [
          lockTime,
          by,
          Number(candidate.id),
          ...lockable.params,
        ]);
        if (changes === 1) {
          const row = await this.rowById(Number(candidate.id));
          if (row) return rowToJob(row);
        }
      }
    }
    return undefined;
  }

  /**
   * MariaDB: one conditional `UPDATE … ORDER BY … LIMIT n` claims up to n jobs in one
   * commit (InnoDB re-checks the condition under each row lock, so concurrent workers
   * never claim the same row), and one SELECT reads them back by their claim (lock time +
   * claimant). n starts at 1 and doubles while Agenda keeps asking for more of the same
   * job at once (a queue being filled), up to 16; jobs claimed but not handed out within
   * CLAIM_HOLD_MS are unlocked again, so a worker never sits on jobs it is not running.
   */
  private async claimBatch(
    jobName: string,
    lockable: Condition,
    order: string,
    nextScanAt: number | null,
    lockDeadline: number | null,
    now: Date | undefined,
    by: string | null,
  ): Promise<JobParameters | undefined> {
    const claimant = by ?? this.instanceName;
    const key = `${jobName}\u0000${claimant}`;
    const held = this.claims.get(key);
    while (held?.rows.length) {
      const row = held.rows.shift()!;
      const next = row.nextRunAt === null || row.nextRunAt === undefined ? null : Number(row.nextRunAt);
      if (held.lockTime > (lockDeadline ?? 0) && (next === null || nextScanAt === null || next <= nextScanAt)) {
        held.lastAt = Date.now();
        return rowToJob(row);
      }
      await this.releaseClaims([row], held.lockTime);
    }
    const streak = this.claims.get(key);
    const size = streak && Date.now() - streak.lastAt < CLAIM_HOLD_MS ? Math.min(streak.size * 2, MAX_CLAIM_BATCH) : 1;
    // The lock time is taken now, after any earlier scan; unique per claim in this process.
    const lockTime = Math.max(ms(now ?? new Date()) ?? Date.now(), this.lastLockTime + 1);
    this.lastLockTime = lockTime;
    const { changes } = await retryOnLockConflict(() =>
      this.exec.run(`UPDATE ${this.t} SET lockedAt = ?, lastModifiedBy = ? WHERE ${lockable.sql} ${order} LIMIT ${size}`, [
        lockTime,
        claimant,
        ...lockable.params,
      ]),
    );
    if (changes === 0) {
      this.claims.delete(key);
      return undefined;
    }
    const rows = await this.exec.all(`SELECT * FROM ${this.t} WHERE name = ? AND lockedAt = ? AND lastModifiedBy = ? ${order}`, [jobName, lockTime, claimant]);
    const first = rows.shift();
    const claim = { rows, lockTime, size, lastAt: Date.now() };
    this.claims.set(key, claim);
    if (rows.length) {
      setTimeout(() => {
        if (this.claims.get(key) !== claim || !claim.rows.length) return;
        const left = claim.rows.splice(0);
        void this.releaseClaims(left, lockTime).catch(() => undefined);
      }, CLAIM_HOLD_MS);
    }
    return first ? rowToJob(first) : undefined;
  }

  /** Unlocks claimed jobs that were not handed out (only if the claim is still ours). */
  private async releaseClaims(rows: SqlRow[], lockTime: number): Promise<void> {
    const ids = rows.map((r) => Number(r.id));
    if (!ids.length) return;
    await this.exec.run(`UPDATE ${this.t} SET lockedAt = NULL WHERE lockedAt = ? AND id IN (${placeholders(ids.length)})`, [lockTime, ...ids]);
  }

  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) throw new Error('Cannot save job state without job ID');
    const { changes } = /^\d+$/.test(String(job._id))
      ? await this.exec.run(
          `UPDATE ${this.t} SET lockedAt = ?, nextRunAt = ?, lastRunAt = ?, progress = ?, failReason = ?, failCount = ?, failedAt = ?, lastFinishedAt = ?, lastModifiedBy = ? WHERE id = ? AND name = ?`,
          [
            ms(job.lockedAt),
            ms(job.nextRunAt),
            ms(job.lastRunAt),
            job.progress ?? null,
            failReasonText(job.failReason),
            job.failCount ?? null,
            ms(job.failedAt),
            ms(job.lastFinishedAt),
            options?.lastModifiedBy ?? null,
            Number(job._id),
            job.name,
          ],
        )
      : { changes: 0 };
    if (changes !== 1) {
      throw new Error(`job ${job._id} (name: ${job.name}) cannot be updated in the database, maybe it does not exist anymore?`);
    }
  }

  // ---------------------------------------------------------------- saving

  async saveJob<DATA = unknown>(job: JobParameters<DATA>, options: JobRepositoryOptions | undefined): Promise<JobParameters<DATA>> {
    const { _id, unique, uniqueOpts, ...props } = job;
    const by = options?.lastModifiedBy ?? null;

    if (_id) return this.updateById(job, by);

    if (props.type === 'single') {
      const match: Condition = { sql: `name = ? AND type = 'single'`, params: [props.name] };
      return this.upsert<DATA>(props, by, match, async (exec, existing) => {
        // A single job's pending run is kept when the caller asks for "now or earlier"
        // (agenda.every() on restart must not reset a job that is due).
        const protectNextRunAt = props.nextRunAt !== null && props.nextRunAt !== undefined && props.nextRunAt.getTime() <= Date.now();
        const sets = this.configColumns(props, by);
        const nextRunAt = protectNextRunAt && existing.nextRunAt !== null ? Number(existing.nextRunAt) : ms(props.nextRunAt);
        await this.updateColumns(exec, Number(existing.id), { ...sets, nextRunAt });
      });
    }

    if (unique) {
      const match = this.uniqueCondition(props.name, unique);
      const debounce = uniqueOpts?.debounce;
      const now = Date.now();
      let insertProps: Partial<JobParameters> = props;
      if (debounce) {
        insertProps = {
          ...props,
          debounceStartedAt: new Date(now),
          nextRunAt: debounce.strategy === 'leading' ? props.nextRunAt : new Date(now + debounce.delay),
        };
      }
      return this.upsert<DATA>(insertProps as Omit<JobParameters<DATA>, '_id'>, by, match, async (exec, existing) => {
        if (uniqueOpts?.insertOnly && !debounce) return;
        let nextRunAt = ms(props.nextRunAt);
        let debounceStartedAt: number | null = null;
        if (debounce) {
          const startedAt = existing.debounceStartedAt !== null && existing.debounceStartedAt !== undefined ? Number(existing.debounceStartedAt) : now;
          if (debounce.strategy === 'leading') {
            nextRunAt = existing.nextRunAt === null || existing.nextRunAt === undefined ? null : Number(existing.nextRunAt);
            debounceStartedAt = startedAt;
          } else if (debounce.maxWait && now - startedAt >= debounce.maxWait) {
            nextRunAt = now;
          } else {
            nextRunAt = now + debounce.delay;
            debounceStartedAt = startedAt;
          }
        }
        await this.updateColumns(exec, Number(existing.id), {
          ...this.configColumns(props, by),
          type: columnValue('type', props),
          nextRunAt,
          debounceStartedAt,
        });
      });
    }

    const { insertId } = await this.exec.run(...this.insertStatement(props, by));
    return rowToJob<DATA>((await this.rowById(insertId))!);
  }

  /** Save of a job that has an id: scheduling/config fields only (execution state goes through saveJobState). */
  private async updateById<DATA>(job: JobParameters<DATA>, by: string | null): Promise<JobParameters<DATA>> {
    if (!/^\d+$/.test(String(job._id))) return job;
    const sets: Record<string, SqlValue> = {
      ...this.configColumns(job, by),
      type: columnValue('type', job),
      nextRunAt: ms(job.nextRunAt),
    };
    if (job.failReason !== undefined) sets.failReason = failReasonText(job.failReason);
    if (job.failedAt !== undefined) sets.failedAt = ms(job.failedAt);
    if (job.failCount !== undefined) sets.failCount = job.failCount ?? null;
    const keys = Object.keys(sets);
    await this.exec.run(`UPDATE ${this.t} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ? AND name = ?`, [
      ...keys.map((k) => sets[k]),
      Number(job._id),
      job.name,
    ]);
    const row = await this.rowById(Number(job._id));
    return row && row.name === job.name ? rowToJob<DATA>(row) : job;
  }

  private configColumns(job: Partial<JobParameters>, by: string | null): Record<string, SqlValue> {
    const columns: JobColumn[] = ['priority', 'repeatTimezone', 'repeatInterval', 'data', 'repeatAt', 'disabled', 'fork', 'startDate', 'endDate', 'skipDays'];
    return { ...Object.fromEntries(columns.map((c) => [c, columnValue(c, job)])), lastModifiedBy: by };
  }

  private async updateColumns(exec: SqlExecutor, id: number, sets: Record<string, SqlValue>): Promise<void> {
    const keys = Object.keys(sets);
    await exec.run(`UPDATE ${this.t} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [...keys.map((k) => sets[k]), id]);
  }

  private insertStatement(job: Partial<JobParameters>, by: string | null): [string, SqlValue[]] {
    const values = JOB_COLUMNS.map((c) => (c === 'lastModifiedBy' ? by : columnValue(c, job)));
    return [`INSERT INTO ${this.t} (${JOB_COLUMNS.join(', ')}) VALUES (${placeholders(values.length)})`, values];
  }

  /** SQL condition for Agenda's `unique` query ({ 'data.districtId': 3, name: ... }). */
  private uniqueCondition(name: string, unique: Record<string, unknown>): Condition {
    const conditions: Condition[] = [{ sql: 'name = ?', params: [name] }];
    for (const [key, value] of Object.entries(unique)) {
      if (key.startsWith('data.')) {
        const segments = key.slice(5).split('.');
        if (!segments.every((s) => /^[A-Za-z0-9_$-]+$/.test(s))) throw new Error(`Unsupported unique key "${key}"`);
        const path = `$.${segments.map((s) => `"${s}"`).join('.')}`;
        const extracted = this.exec.dialect === 'mysql' ? `JSON_UNQUOTE(JSON_EXTRACT(data, '${path}'))` : `CAST(json_extract(data, '${path}') AS TEXT)`;
        if (value === null || value === undefined) {
          conditions.push({ sql: `json_extract(data, '${path}') IS NULL`, params: [] });
        } else {
          const text =
            typeof value === 'boolean'
              ? this.exec.dialect === 'mysql'
                ? String(value)
                : value
                  ? '1'
                  : '0'
              : typeof value === 'object'
                ? JSON.stringify(value)
                : String(value);
          conditions.push({ sql: `${extracted} = ?`, params: [text] });
        }
      } else {
        if (!(JOB_COLUMNS as readonly string[]).includes(key)) throw new Error(`Unsupported unique key "${key}"`);
        const v = columnValue(key as JobColumn, { [key]: value } as Partial<JobParameters>);
        conditions.push(v === null ? { sql: `${key} IS NULL`, params: [] } : { sql: `${key} = ?`, params: [v] });
      }
    }
    return and(conditions);
  }

  /**
   * Inserts the job unless a row matches `match`; otherwise lets `onExisting` update that row.
   * Atomic: SQLite inserts with `INSERT … SELECT … WHERE NOT EXISTS` (one statement under the
   * write lock); MariaDB reads the matching rows `FOR UPDATE` in a transaction first.
   */
  private async upsert<DATA>(
    props: Omit<JobParameters<DATA>, '_id'>,
    by: string | null,
    match: Condition,
    onExisting: (exec: SqlExecutor, existing: SqlRow) => Promise<void>,
  ): Promise<JobParameters<DATA>> {
    const [insertSql, insertValues] = this.insertStatement(props, by);
    if (this.exec.dialect === 'mysql') {
      const row = await this.exec.transaction(async (tx) => {
        const [existing] = await tx.all(`SELECT * FROM ${this.t} WHERE ${match.sql} ORDER BY id LIMIT 1 FOR UPDATE`, match.params);
        if (existing) {
          await onExisting(tx, existing);
          return this.rowById(Number(existing.id), tx);
        }
        const { insertId } = await tx.run(insertSql, insertValues);
        return this.rowById(insertId, tx);
      }, `${this.t}:${props.name}`);
      return rowToJob<DATA>(row!);
    }
    for (let attempt = 0; ; attempt++) {
      const selectSql = insertSql.replace(/VALUES \((.*)\)$/, `SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM ${this.t} WHERE ${match.sql})`);
      const inserted = await this.exec.run(selectSql, [...insertValues, ...match.params]);
      if (inserted.changes === 1) return rowToJob<DATA>((await this.rowById(inserted.insertId))!);
      const [existing] = await this.exec.all(`SELECT * FROM ${this.t} WHERE ${match.sql} ORDER BY id LIMIT 1`, match.params);
      if (existing) {
        await onExisting(this.exec, existing);
        const row = await this.rowById(Number(existing.id));
        if (row) return rowToJob<DATA>(row);
      }
      if (attempt > 5) throw new Error(`Could not save job ${props.name}: it kept changing concurrently`);
    }
  }
}

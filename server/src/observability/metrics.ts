import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ENTITY_TYPES } from '../roster/roster-enums.js';
import { SyncStatus, type RunCounts } from '../sync/sync-enums.js';

const RUN_DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];
const GRAPHQL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ACTIONS = ['created', 'updated', 'deleted', 'restored', 'ended', 'unchanged'] as const;
/** Operation names are chosen by clients: keep at most this many label values. */
const MAX_OPERATION_NAMES = 100;

interface FinishedRunRow {
  id: number;
  status: string;
  mode: string;
  dryRun: number | boolean;
  counts: string | null;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
}

const toMs = (v: string | Date | null) =>
  v == null ? NaN : v instanceof Date ? v.getTime() : Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);

/**
 * Prometheus metrics of one process. Sync figures are read from the database at scrape time
 * (runs are executed by worker processes that serve no HTTP), so every api process reports
 * the same totals; GraphQL durations are this process's own.
 */
export class HomeroomMetrics {
  readonly registry = new Registry();
  private readonly runsByStatus = new Gauge({
    name: 'homeroom_sync_runs',
    help: 'Sync runs by status (all time, from the database)',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly runDuration = new Histogram({
    name: 'homeroom_sync_run_duration_seconds',
    help: 'Duration of finished sync runs (startedAt to finishedAt)',
    labelNames: ['mode', 'status'],
    buckets: RUN_DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly records = new Counter({
    name: 'homeroom_sync_records_total',
    help: 'Roster records processed by launched (non-dry) sync runs, by entity and action',
    labelNames: ['entity', 'action'],
    registers: [this.registry],
  });
  private readonly queueSize = new Gauge({
    name: 'homeroom_job_queue_size',
    help: 'Jobs due to run and not yet picked up by a worker',
    registers: [this.registry],
  });
  private readonly jobsRunning = new Gauge({ name: 'homeroom_jobs_running', help: 'Jobs locked by a worker', registers: [this.registry] });
  readonly graphqlDuration = new Histogram({
    name: 'homeroom_graphql_request_duration_seconds',
    help: 'GraphQL HTTP request durations in this process',
    labelNames: ['operation', 'status'],
    buckets: GRAPHQL_BUCKETS,
    registers: [this.registry],
  });
  private readonly operationNames = new Set<string>();
  /** Finished runs already counted into the histogram and counter (they never change once finished). */
  private readonly seenRuns = new Set<number>();

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'homeroom_' });
    for (const status of Object.values(SyncStatus)) this.runsByStatus.set({ status }, 0);
  }

  /** Label for an operation name: bounded, so a client cannot grow the label set without limit. */
  operationLabel(name: unknown): string {
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Reads run and job figures from the database into the metrics. */
  async refreshFromDatabase(ds: DataSource): Promise<void> {
    const byStatus: Array<{ status: string; n: number | string }> = await ds.query('SELECT status, COUNT(*) AS n FROM sync_run GROUP BY status');
    for (const status of Object.values(SyncStatus)) this.runsByStatus.set({ status }, 0);
    for (const r of byStatus) this.runsByStatus.set({ status: r.status }, Number(r.n));

    const finished: FinishedRunRow[] = await ds.query(
      `SELECT id, status, mode, dryRun, counts, startedAt, finishedAt FROM sync_run WHERE status IN (?, ?, ?) AND finishedAt IS NOT NULL`,
      [SyncStatus.LAUNCHED, SyncStatus.FAILED, SyncStatus.CANCELLED],
    );
    for (const r of finished) {
      if (this.seenRuns.has(r.id)) continue;
      this.seenRuns.add(r.id);
      const seconds = (toMs(r.finishedAt) - toMs(r.startedAt)) / 1000;
      if (Number.isFinite(seconds) && seconds >= 0) this.runDuration.observe({ mode: r.mode, status: r.status }, seconds);
      if (r.status !== SyncStatus.LAUNCHED || r.dryRun === true || Number(r.dryRun) === 1 || !r.counts) continue;
      let counts: RunCounts;
      try {
        counts = JSON.parse(r.counts) as RunCounts;
      } catch {
        continue;
      }
      for (const entity of ENTITY_TYPES)
        for (const action of ACTIONS) {
          const n = Number(counts[entity]?.[action] ?? 0);
          if (n > 0) this.records.inc({ entity, action }, n);
        }
    }

    const now = Date.now();
    const [due] = await ds.query('SELECT COUNT(*) AS n FROM agenda_job WHERE nextRunAt IS NOT NULL AND nextRunAt <= ? AND lockedAt IS NULL AND disabled = ?', [
      now,
      false,
    ]);
    this.queueSize.set(Number(due?.n ?? 0));
    const [locked] = await ds.query('SELECT COUNT(*) AS n FROM agenda_job WHERE lockedAt IS NOT NULL');
    this.jobsRunning.set(Number(locked?.n ?? 0));
  }

  async render(ds: DataSource): Promise<string> {
    await this.refreshFromDatabase(ds);
    return this.registry.metrics();
  }
}

let shared: HomeroomMetrics | null = null;

/** The process's metrics (one registry per process). */
export function processMetrics(): HomeroomMetrics {
  shared ??= new HomeroomMetrics();
  return shared;
}

import type { DataSource, EntityManager } from 'typeorm';
import { District } from '../roster/district.entity.js';
import { ACTIVE_STATUSES, FailureCode, SyncMode, SyncStatus, SyncTrigger } from './sync-enums.js';
import { SyncRun } from './sync-run.entity.js';
import { ValidationError } from '../errors.js';
import { retryOnLockConflict } from '../db/lock-conflict.js';

export interface CreateRunRequest {
  districtId: number;
  mode: SyncMode;
  dryRun?: boolean;
  asOf?: string | null;
  overrideThreshold?: boolean;
  trigger: SyncTrigger;
  requestedBy?: string | null;
  revertOfRunId?: number | null;
  previewRunId?: number | null;
}

const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(String((e as Error)?.message ?? e));

export interface SyncRunServiceOptions {
  /** An IN_PROGRESS run whose heartbeat is older than this lost its process (default 55 s). */
  staleAfterMs?: number;
  /** Told about each run this service ended because its process was gone (e.g. to email subscribers). */
  onRecovered?: (runId: number) => Promise<unknown>;
}

/** Error text of a run ended by recovery or shutdown (the run email explains it). */
export const INTERRUPTED = 'interrupted';
/** The graceful-stop reason the engine records when a shutdown aborts a run. */
const SHUTDOWN_CANCEL = 'The worker is shutting down';

/**
 * Creating, finding and closing runs. One active run per district is enforced by a unique
 * index; a run whose process is gone (stale heartbeat) never holds its district: starting or
 * cancelling a sync ends it first.
 */
export class SyncRunService {
  private readonly staleAfterMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly options: SyncRunServiceOptions = {},
  ) {
    this.staleAfterMs = options.staleAfterMs ?? 55_000;
  }

  private get repo() {
    return this.ds.getRepository(SyncRun);
  }

  get(id: number): Promise<SyncRun | null> {
    return this.repo.findOneBy({ id });
  }

  activeRun(districtId: number): Promise<SyncRun | null> {
    return this.repo.findOneBy({ activeDistrictId: districtId });
  }

  /** A new SCHEDULED run, or the district's active one (existing: true) when a run is already scheduled or in progress. */
  async createRun(req: CreateRunRequest): Promise<{ run: SyncRun; existing: boolean }> {
    const district = await this.ds.getRepository(District).findOneBy({ id: req.districtId });
    if (!district) throw new ValidationError(`No district ${req.districtId}`);
    // Racing inserts of the one active-run key can deadlock on InnoDB (each holds a shared lock on
    // the duplicate the other wants); the retry then finds the winner's run.
    return retryOnLockConflict(() => this.createOrFindActive(req));
  }

  private async createOrFindActive(req: CreateRunRequest): Promise<{ run: SyncRun; existing: boolean }> {
    let active = await this.activeRun(req.districtId);
    if (active && (await this.recoverIfStale(active))) active = await this.activeRun(req.districtId);
    if (active) return { run: active, existing: true };
    try {
      const run = await this.repo.save(
        this.repo.create({
          districtId: req.districtId,
          activeDistrictId: req.districtId,
          mode: req.mode,
          dryRun: req.dryRun ?? false,
          trigger: req.trigger,
          requestedBy: req.requestedBy ?? null,
          status: SyncStatus.SCHEDULED,
          phase: null,
          asOf: req.asOf ?? null,
          overrideThreshold: req.overrideThreshold ?? false,
          revertOfRunId: req.revertOfRunId ?? null,
          previewRunId: req.previewRunId ?? null,
          counts: null,
          issueCounts: null,
          progress: null,
          cancelRequested: false,
          startedAt: null,
          finishedAt: null,
          error: null,
        }),
      );
      return { run, existing: false };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const winner = await this.activeRun(req.districtId);
      if (!winner) throw e;
      return { run: winner, existing: true };
    }
  }

  /** Atomically SCHEDULED → IN_PROGRESS; false when another worker got there first or the run was cancelled. */
  async claim(runId: number): Promise<boolean> {
    const result = await this.repo.update({ id: runId, status: SyncStatus.SCHEDULED }, { status: SyncStatus.IN_PROGRESS, startedAt: new Date() });
    return (result.affected ?? 0) === 1;
  }

  /** Ends a run; frees the district for the next one. */
  async finish(
    runId: number,
    status: SyncStatus.LAUNCHED | SyncStatus.FAILED | SyncStatus.CANCELLED,
    fields: Partial<SyncRun> = {},
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.ds.manager).getRepository(SyncRun).update({ id: runId }, { ...fields, status, activeDistrictId: null, finishedAt: new Date() });
  }

  /** When the run's process last proved alive: its heartbeat, or its start. */
  private lastBeat(run: Pick<SyncRun, 'heartbeatAt' | 'startedAt' | 'createdAt'>): number {
    return (run.heartbeatAt ?? run.startedAt ?? run.createdAt).getTime();
  }

  /** True when the run is IN_PROGRESS and its process has stopped beating. */
  isStale(run: Pick<SyncRun, 'status' | 'heartbeatAt' | 'startedAt' | 'createdAt'>, now = Date.now()): boolean {
    return run.status === SyncStatus.IN_PROGRESS && this.lastBeat(run) < now - this.staleAfterMs;
  }

  /** Fails the run "interrupted" if its heartbeat is stale, re-checked in the UPDATE (a beat arriving meanwhile wins). */
  async recoverIfStale(run: SyncRun): Promise<boolean> {
    if (!this.isStale(run)) return false;
    const cutoff = new Date(Date.now() - this.staleAfterMs);
    const r = await this.repo
      .createQueryBuilder()
      .update(SyncRun)
      .set(this.interruptedFields())
      .where('id = :id AND status = :status', { id: run.id, status: SyncStatus.IN_PROGRESS })
      .andWhere('(heartbeatAt < :cutoff OR (heartbeatAt IS NULL AND startedAt < :cutoff))', { cutoff })
      .execute();
    if ((r.affected ?? 0) !== 1) return false;
    await this.options.onRecovered?.(run.id);
    return true;
  }

  /** Every IN_PROGRESS run (of one district, or all) whose process stopped beating, failed "interrupted". */
  async recoverStaleRuns(districtId?: number): Promise<number[]> {
    const runs = await this.repo.find({
      where: { status: SyncStatus.IN_PROGRESS, ...(districtId === undefined ? {} : { districtId }) },
      select: { id: true, status: true, heartbeatAt: true, startedAt: true, createdAt: true },
    });
    const recovered: number[] = [];
    for (const run of runs) if (await this.recoverIfStale(run)) recovered.push(run.id);
    return recovered;
  }

  /**
   * The fields of a run ended by the loss of its process. cancelRequested makes a process
   * that was only slow, not dead, stop at its next checkpoint without applying anything.
   */
  private interruptedFields() {
    return {
      status: SyncStatus.FAILED,
      error: INTERRUPTED,
      failureCode: FailureCode.INTERRUPTED,
      phase: null,
      activeDistrictId: null,
      cancelRequested: true,
      finishedAt: new Date(),
    };
  }

  /** FAILED "interrupted" for a run whose process died — only if it is still IN_PROGRESS (no race with a late commit). */
  async interrupt(runId: number): Promise<boolean> {
    const r = await this.repo.update({ id: runId, status: SyncStatus.IN_PROGRESS }, this.interruptedFields());
    return (r.affected ?? 0) === 1;
  }

  /**
   * FAILED "interrupted" for a run a shutdown stopped: still IN_PROGRESS, or CANCELLED by the
   * shutdown's abort. Never a run that LAUNCHED (its apply committed) or ended otherwise.
   */
  async interruptAtShutdown(runId: number): Promise<boolean> {
    const r = await this.repo
      .createQueryBuilder()
      .update(SyncRun)
      .set(this.interruptedFields())
      .where('id = :id', { id: runId })
      .andWhere('(status = :running OR (status = :cancelled AND error = :reason))', {
        running: SyncStatus.IN_PROGRESS,
        cancelled: SyncStatus.CANCELLED,
        reason: SHUTDOWN_CANCEL,
      })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  markFailed(runId: number, error: string): Promise<void> {
    return this.finish(runId, SyncStatus.FAILED, { error });
  }

  /**
   * A scheduled run is cancelled at once; so is a run whose process is gone (stale
   * heartbeat). A live run in progress stops at its next checkpoint and changes nothing.
   */
  async requestCancel(runId: number): Promise<SyncRun> {
    const run = await this.get(runId);
    if (!run) throw new ValidationError(`No sync run ${runId}`);
    if (run.status === SyncStatus.SCHEDULED) {
      const r = await this.repo.update(
        { id: runId, status: SyncStatus.SCHEDULED },
        { status: SyncStatus.CANCELLED, activeDistrictId: null, finishedAt: new Date(), error: 'Cancelled before it started' },
      );
      if ((r.affected ?? 0) === 1) return (await this.get(runId))!;
    }
    if (this.isStale(run)) {
      const cutoff = new Date(Date.now() - this.staleAfterMs);
      const r = await this.repo
        .createQueryBuilder()
        .update(SyncRun)
        .set({
          status: SyncStatus.CANCELLED,
          failureCode: FailureCode.CANCELLED_DEAD,
          phase: null,
          activeDistrictId: null,
          cancelRequested: true,
          finishedAt: new Date(),
          error: 'Cancelled: the process running it had stopped, so it ended at once; nothing was changed',
        })
        .where('id = :id AND status = :status', { id: runId, status: SyncStatus.IN_PROGRESS })
        .andWhere('(heartbeatAt < :cutoff OR (heartbeatAt IS NULL AND startedAt < :cutoff))', { cutoff })
        .execute();
      if ((r.affected ?? 0) === 1) {
        await this.options.onRecovered?.(runId);
        return (await this.get(runId))!;
      }
    }
    if (ACTIVE_STATUSES.includes(run.status)) await this.repo.update({ id: runId }, { cancelRequested: true });
    return (await this.get(runId))!;
  }
}

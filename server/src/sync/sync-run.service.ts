import type { DataSource, EntityManager } from 'typeorm';
import { ValidationError } from '../roster/district-settings.validation.js';
import { District } from '../roster/district.entity.js';
import { ACTIVE_STATUSES, SyncMode, SyncStatus, SyncTrigger } from './sync-enums.js';
import { SyncRun } from './sync-run.entity.js';

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

/** Creating, finding and closing runs. One active run per district is enforced by a unique index. */
export class SyncRunService {
  constructor(private readonly ds: DataSource) {}

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
    const active = await this.activeRun(req.districtId);
    if (active) return { run: active, existing: true };
    try {
      const run = await this.repo.save(this.repo.create({
        districtId: req.districtId, activeDistrictId: req.districtId, mode: req.mode, dryRun: req.dryRun ?? false,
        trigger: req.trigger, requestedBy: req.requestedBy ?? null, status: SyncStatus.SCHEDULED, phase: null,
        asOf: req.asOf ?? null, overrideThreshold: req.overrideThreshold ?? false, revertOfRunId: req.revertOfRunId ?? null, previewRunId: req.previewRunId ?? null,
        counts: null, issueCounts: null, progress: null, cancelRequested: false, startedAt: null, finishedAt: null, error: null,
      }));
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
  async finish(runId: number, status: SyncStatus.LAUNCHED | SyncStatus.FAILED | SyncStatus.CANCELLED, fields: Partial<SyncRun> = {}, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).getRepository(SyncRun).update({ id: runId }, { ...fields, status, activeDistrictId: null, finishedAt: new Date() });
  }

  /** FAILED "interrupted" for a run whose process died — only if it is still IN_PROGRESS (no race with a late commit). */
  async interrupt(runId: number): Promise<boolean> {
    const r = await this.repo.update(
      { id: runId, status: SyncStatus.IN_PROGRESS },
      { status: SyncStatus.FAILED, error: 'interrupted', phase: null, activeDistrictId: null, finishedAt: new Date() },
    );
    return (r.affected ?? 0) === 1;
  }

  markFailed(runId: number, error: string): Promise<void> {
    return this.finish(runId, SyncStatus.FAILED, { error });
  }

  /** A scheduled run is cancelled at once; a run in progress stops at its next checkpoint and changes nothing. */
  async requestCancel(runId: number): Promise<SyncRun> {
    const run = await this.get(runId);
    if (!run) throw new ValidationError(`No sync run ${runId}`);
    if (run.status === SyncStatus.SCHEDULED) {
      const r = await this.repo.update({ id: runId, status: SyncStatus.SCHEDULED }, { status: SyncStatus.CANCELLED, activeDistrictId: null, finishedAt: new Date(), error: 'Cancelled before it started' });
      if ((r.affected ?? 0) === 1) return (await this.get(runId))!;
    }
    if (ACTIVE_STATUSES.includes(run.status)) await this.repo.update({ id: runId }, { cancelRequested: true });
    return (await this.get(runId))!;
  }
}

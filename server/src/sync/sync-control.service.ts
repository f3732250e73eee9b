import type { DataSource } from 'typeorm';
import type { DistrictScope } from '../auth/viewer.js';
import { validateDate } from '../roster/district-settings.validation.js';
import { District } from '../roster/district.entity.js';
import type { SyncLauncher } from './sync-launcher.js';
import { ACTIVE_STATUSES, SyncMode, SyncStatus, SyncTrigger } from './sync-enums.js';
import type { SyncRun } from './sync-run.entity.js';
import { SyncRunService } from './sync-run.service.js';
import { revertibleRun } from './sync-revert.js';
import { guardReset } from './reset-preview-guard.js';
import { conflict, ValidationError } from '../errors.js';
import { SyncRunRepository } from './sync-run.repository.js';
import { DistrictRepository } from '../roster/district.repository.js';
import { localDate as todayIn } from '../local-date.js';
import { pendingSyncAsOf } from './sync-date.js';

export interface StartSyncRequest {
  districtId: number;
  mode?: SyncMode | null;
  dryRun?: boolean | null;
  asOf?: string | null;
  overrideThreshold?: boolean | null;
  /** For a non-dry RESET: a launched dry-run Reset of the district, at most an hour old. */
  previewRunId?: number | null;
  /** For a RESET whose preview deletes anything: the district's name. */
  confirmation?: string | null;
}

/** Starting, cancelling and reverting runs on behalf of an API caller (scope-checked). */
export class SyncControlService {
  private readonly runs: SyncRunService;

  constructor(
    private readonly ds: DataSource,
    private readonly scope: DistrictScope,
    private readonly launcher: SyncLauncher,
    private readonly requestedBy: string | null,
    runs?: SyncRunService,
  ) {
    this.runs = runs ?? new SyncRunService(ds);
  }

  private district(id: number): Promise<District> {
    return new DistrictRepository(this.ds).getWritable(this.scope, id);
  }

  /** A new run (queued), or the district's active run with `existing: true`. */
  async start(req: StartSyncRequest): Promise<{ run: SyncRun; existing: boolean }> {
    const district = await this.district(req.districtId);
    if (req.asOf) validateDate(req.asOf, 'asOf');
    const mode = req.mode ?? SyncMode.EDIT;
    const guarded = mode === SyncMode.RESET && !req.dryRun;
    if (!guarded && (req.previewRunId != null || req.confirmation != null))
      throw new ValidationError('previewRunId and confirmation only apply to a Reset that is not a dry run');
    // An active run comes back as it is (alreadyRunning), whatever was asked: nothing new starts.
    const active = await this.runs.activeRun(req.districtId);
    if (active) return { run: active, existing: true };
    const previewRunId = guarded ? await guardReset(this.ds, district, req) : null;
    const result = await this.runs.createRun({
      districtId: req.districtId,
      mode,
      dryRun: req.dryRun ?? false,
      asOf: req.asOf ?? null,
      overrideThreshold: req.overrideThreshold ?? false,
      trigger: SyncTrigger.MANUAL,
      requestedBy: this.requestedBy,
      previewRunId,
    });
    if (!result.existing) await this.launcher.launch(result.run.id);
    return result;
  }

  /**
   * The dashboard's "New school year": an Edit sync as of the first day of school, recorded
   * with trigger ROLLOVER (a dry run is its preview). When that day is still ahead, starting
   * it also makes it the district's sync date: otherwise the next nightly sync, as of today,
   * would end the new year's classes again.
   */
  async startRollover(req: {
    districtId: number;
    firstDay: string;
    dryRun?: boolean | null;
  }): Promise<{ run: SyncRun; existing: boolean; syncAsOf: string | null }> {
    const district = await this.district(req.districtId);
    validateDate(req.firstDay, 'The first day of school');
    const active = await this.runs.activeRun(req.districtId);
    if (active) return { run: active, existing: true, syncAsOf: pendingSyncAsOf(district) };
    const dryRun = req.dryRun ?? false;
    const result = await this.runs.createRun({
      districtId: req.districtId,
      mode: SyncMode.EDIT,
      dryRun,
      asOf: req.firstDay,
      trigger: SyncTrigger.ROLLOVER,
      requestedBy: this.requestedBy,
    });
    let syncAsOf = pendingSyncAsOf(district);
    if (!result.existing && !dryRun && req.firstDay > todayIn(district.timezone)) {
      await this.ds.getRepository(District).update({ id: district.id }, { syncAsOf: req.firstDay });
      syncAsOf = req.firstDay;
    }
    if (!result.existing) await this.launcher.launch(result.run.id);
    return { ...result, syncAsOf };
  }

  async cancel(runId: number): Promise<SyncRun> {
    const run = await new SyncRunRepository(this.ds).getWritable(this.scope, runId);
    if (!ACTIVE_STATUSES.includes(run.status)) throw conflict(`Sync run ${runId} has already finished (${run.status}); there is nothing to cancel`);
    return this.runs.requestCancel(runId);
  }

  /** Queues a REVERT of `runId`, which must be the district's latest launched (applied) run. */
  async revert(runId: number): Promise<SyncRun> {
    const target = await new SyncRunRepository(this.ds).getWritable(this.scope, runId);
    if (target.dryRun) throw conflict(`Sync run ${runId} is a dry run; it changed nothing to revert`);
    const latest = await revertibleRun(this.ds.manager, target.districtId).catch((e) => {
      throw conflict((e as Error).message);
    });
    if (latest.id !== target.id) throw conflict(`Only the latest sync can be reverted: run ${latest.id} came after run ${runId}`);
    const { run, existing } = await this.runs.createRun({
      districtId: target.districtId,
      mode: target.mode,
      trigger: SyncTrigger.REVERT,
      requestedBy: this.requestedBy,
      revertOfRunId: target.id,
    });
    if (existing)
      throw conflict(
        `District ${target.districtId} has a sync ${run.status === SyncStatus.SCHEDULED ? 'scheduled' : 'in progress'} (run ${run.id}); revert after it ends`,
      );
    await this.launcher.launch(run.id);
    return run;
  }
}

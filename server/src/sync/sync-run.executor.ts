import type { EntityManager } from 'typeorm';
import type { AppContext } from '../app-context.js';
import { District } from '../roster/district.entity.js';
import { DistrictService } from '../roster/district.service.js';
import { ENTITY_TYPES } from '../roster/roster-enums.js';
import { SyncApplier } from './engine/sync-applier.js';
import { IssueCollector } from './engine/issue-collector.js';
import { ProgressReporter } from './engine/progress-reporter.js';
import { SyncPlanner, type PlanOutcome } from './engine/sync-planner.js';
import { PlanStore } from './engine/plan-store.js';
import { PhaseTimer } from './engine/phase-timer.js';
import { StepPacer } from './engine/step-pacer.js';
import { applyInTransaction } from './engine/apply-transaction.js';
import { createStageTables, dropLeftoverStageTables, dropStageTables } from './engine/stage-tables.js';
import { deleteGuard } from './engine/delete-guard.js';
import { writePlanAsChanges } from './engine/change-record.writer.js';
import { previewMismatch } from './engine/preview-check.js';
import { checkMappings } from './mapping-check.js';
import { effectiveMappings } from './field-mapping.service.js';
import { createSource } from './sources/source-factory.js';
import type { RosterSource } from './sources/roster-source.js';
import { FailureCode, SyncMode, SyncPhase, SyncStatus, SyncTrigger, type RunCounts } from './sync-enums.js';
import { safeDbError } from '../db/db-error.js';
import { SyncRun } from './sync-run.entity.js';
import { SyncRunService } from './sync-run.service.js';
import { revertRun } from './sync-revert.js';
import { SourceError } from '../errors.js';
import { syncDateFor } from './sync-date.js';
import { retryOnLockConflict } from '../db/lock-conflict.js';
import { isConnectionLost, retryAfterConnectionLoss } from '../db/connection-lost.js';

class CancelledError extends Error {}

/** The plan would delete more than the district's threshold: the run is held, nothing changed. */
class ThresholdError extends Error {
  override name = 'ThresholdError';

  /** The held plan's counts, kept on the run so its report shows what it would have done. */
  constructor(
    message: string,
    readonly counts: RunCounts,
  ) {
    super(message);
  }
}

/** A confirmed Reset whose deletions are no longer the ones its preview listed. */
class PreviewMismatchError extends Error {}

async function expectedCounts(app: AppContext, districtId: number): Promise<Record<string, number>> {
  const last = await app.ds.getRepository(SyncRun).findOne({
    where: { districtId, status: SyncStatus.LAUNCHED, dryRun: false },
    order: { createdAt: 'DESC', id: 'DESC' },
  });
  const expected: Record<string, number> = {};
  for (const [entity, c] of Object.entries(last?.counts ?? {})) expected[entity] = c.created + c.updated + c.unchanged + c.restored;
  return expected;
}

/**
 * Runs a SCHEDULED run to its end: LAUNCHED, FAILED (with a readable reason) or CANCELLED.
 * Nothing is written to roster tables unless the whole apply commits.
 */
export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Read from this source instead of the district's configured one (an uploaded file, a test fixture). */
  source?: RosterSource;
}

export async function executeSyncRun(app: AppContext, runId: number, options: ExecuteOptions = {}): Promise<SyncRun> {
  const runs = new SyncRunService(app.ds);
  const run = await runs.get(runId);
  if (!run) throw new Error(`No sync run ${runId}`);
  if (run.status === SyncStatus.IN_PROGRESS) {
    // The worker that had it died mid-run; its transaction never committed.
    if (await runs.interrupt(runId)) await app.hooks?.runFinished(app, runId).catch((err) => app.logger.error({ err, runId }, 'sync email failed'));
    return (await runs.get(runId))!;
  }
  if (!(await runs.claim(runId))) return (await runs.get(runId))!;
  const log = app.logger.child({ runId, districtId: run.districtId });
  const abort = new AbortController();
  const stop = () => abort.abort(new CancelledError('The worker is shutting down'));
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  const checkCancel = async () => {
    await app.ds.getRepository(SyncRun).update({ id: runId, status: SyncStatus.IN_PROGRESS }, { heartbeatAt: new Date() });
    const r = await app.ds.getRepository(SyncRun).findOne({ where: { id: runId }, select: { id: true, cancelRequested: true } });
    if (r?.cancelRequested && !abort.signal.aborted) abort.abort(new CancelledError('Cancelled by request'));
  };
  const progress = new ProgressReporter(app.ds, app.pubsub, run, await expectedCounts(app, run.districtId));
  // A cancel request is a database flag (any process may set it): look every second, even
  // while the source is slow; the same tick is the run's heartbeat.
  const cancelPoll = setInterval(() => void checkCancel().catch(() => undefined), 1000);
  const issues = new IssueCollector(app.ds, runId);
  log.info({ mode: run.mode, dryRun: run.dryRun, trigger: run.trigger }, 'sync run started');
  try {
    const district = await app.ds.getRepository(District).findOneByOrFail({ id: run.districtId });
    // Marks the run LAUNCHED; for runs that write the roster this happens inside the apply
    // transaction, so a crash can never leave a changed roster under a failed run.
    const launch = async (em: EntityManager, counts: RunCounts) => {
      await progress.setPhase(SyncPhase.FINALIZING, { from: 98, to: 100 });
      await issues.flush();
      // Last statement of the transaction: nothing awaited after it writes the run row.
      await runs.finish(
        runId,
        SyncStatus.LAUNCHED,
        {
          counts,
          issueCounts: issues.counts,
          phase: null,
          error: null,
          failureCode: null,
          progress: { ...progress.snapshot(SyncStatus.LAUNCHED).progress, percent: 100, etaSeconds: 0 },
        },
        em,
      );
    };
    let counts: RunCounts;
    if (run.trigger === SyncTrigger.REVERT) {
      await progress.setPhase(SyncPhase.APPLYING, { from: 0, to: 95 });
      counts = await app.ds.transaction(async (em) => {
        const reverted = await revertRun(em, run);
        await launch(em, reverted);
        return reverted;
      });
    } else {
      const timer = new PhaseTimer(log);
      try {
        counts = await syncFromSource(app, run, district, issues, progress, abort.signal, options.source, launch, timer);
      } finally {
        timer.report('sync run steps');
      }
    }
    await progress.finish(SyncStatus.LAUNCHED);
    log.info({ counts }, 'sync run launched');
  } catch (e) {
    await issues.flush().catch(() => undefined);
    const cancelled = abort.signal.aborted && abort.signal.reason instanceof CancelledError;
    const [error, failureCode] = cancelled ? [(abort.signal.reason as Error).message, null] : failureOf(e, progress.currentPhase);
    const status = cancelled ? SyncStatus.CANCELLED : SyncStatus.FAILED;
    const held = e instanceof ThresholdError ? { counts: e.counts } : {};
    // A run that failed because the connection was lost must still be recorded as failed.
    await retryAfterConnectionLoss(() => runs.finish(runId, status, { error, failureCode, issueCounts: issues.counts, phase: null, ...held })).catch((err) =>
      log.error({ err }, 'could not record the end of the run; recovery will'),
    );
    await progress.finish(status);
    if (cancelled) log.info('sync run cancelled');
    else if (failureCode !== FailureCode.INTERNAL) log.warn({ error, failureCode }, 'sync run failed');
    else log.error({ err: e }, 'sync run failed');
  } finally {
    clearInterval(cancelPoll);
  }
  await app.hooks?.runFinished(app, runId).catch((err) => log.error({ err }, 'sync email failed'));
  return (await runs.get(runId))!;
}

const PHASE_WORDS: Record<SyncPhase, string> = {
  [SyncPhase.FETCHING]: 'the fetch',
  [SyncPhase.PLANNING]: 'planning',
  [SyncPhase.APPLYING]: 'apply',
  [SyncPhase.FINALIZING]: 'finalizing',
};

/** The readable reason a run failed, and its code. Never SQL or roster values (a database message may quote them). */
function failureOf(e: unknown, phase: SyncPhase | null): [string, FailureCode] {
  if (e instanceof SourceError) return [e.message, FailureCode.SOURCE_ERROR];
  if (isConnectionLost(e)) {
    return [`database connection lost${phase ? ` during ${PHASE_WORDS[phase]}` : ''}; nothing was changed`, FailureCode.DATABASE_LOST];
  }
  if (e instanceof ThresholdError) return [e.message, FailureCode.THRESHOLD_EXCEEDED];
  if (e instanceof PreviewMismatchError) return [e.message, FailureCode.PREVIEW_MISMATCH];
  const db = safeDbError(e);
  if (db) return [`${db.message}; nothing was changed`, FailureCode.INTERNAL];
  return [e instanceof Error ? e.message : String(e), FailureCode.INTERNAL];
}

async function syncFromSource(
  app: AppContext,
  run: SyncRun,
  district: District,
  issues: IssueCollector,
  progress: ProgressReporter,
  signal: AbortSignal,
  given: RosterSource | undefined,
  launch: (em: EntityManager, counts: RunCounts) => Promise<void>,
  timer: PhaseTimer,
): Promise<RunCounts> {
  const source = given ?? (await createSource(district.sourceKind, new DistrictService(app.ds, app.config.secretKey).sourceConfig(district)));
  await dropLeftoverStageTables(app.ds).catch((err) => app.logger.warn({ err: String(err) }, 'could not drop leftover staging tables'));
  const store = new PlanStore(app.ds, await timer.time('stage.createTables', () => createStageTables(app.ds, run.id)));
  const pacer = new StepPacer(app.ds, { busySelectsPerSecond: app.config.syncGiveWaySelectsPerSecond });
  try {
    let planned: PlanOutcome;
    try {
      await progress.setPhase(SyncPhase.FETCHING, { from: 0, to: 60 });
      // A mapping naming a field the source does not have would blank good values: fail first.
      const mappings = await effectiveMappings(app.ds, district.id, source.defaultMappings());
      await checkMappings(source, mappings, signal);
      const planner = new SyncPlanner(
        app.ds,
        source,
        {
          districtId: district.id,
          mode: run.mode,
          asOf: syncDateFor(run, district).asOf,
          schoolSelection: district.schoolSelection,
          mappings,
          issues,
          signal,
          onProgress: (entity, n) => progress.update(entity, n),
          timer,
          pacer,
        },
        store,
      );
      planned = await timer.time('fetchAndPlan', () => planner.plan());
    } finally {
      if (!given) await source.close?.();
    }
    signal.throwIfAborted();
    await progress.setPhase(SyncPhase.PLANNING);
    const { counts } = planned;
    const refusal = await timer.time('guard', () =>
      deleteGuard(app.ds.manager, store, district.id, run.mode, counts, planned.activeBefore, district.resetDeleteThreshold),
    );
    if (run.dryRun) {
      if (refusal) await issues.warn('schools', null, thresholdIssueCode(run.mode), refusal.replace(/^Reset refused/, 'Reset would be refused'));
      await writePlanAsChanges(app.ds, store, run.id, run.districtId, pacer);
      await launch(app.ds.manager, counts);
      return counts;
    }
    if (run.mode === SyncMode.RESET && run.previewRunId) {
      const mismatch = await previewMismatch(app.ds, store.tables, run.previewRunId);
      if (mismatch) throw new PreviewMismatchError(mismatch);
    }
    if (refusal && !run.overrideThreshold) {
      // The held plan stays readable in the run's report: exactly what the export would have removed.
      await writePlanAsChanges(app.ds, store, run.id, run.districtId, pacer);
      const action = run.mode === SyncMode.RESET ? 'start the Reset again' : 'review the preview and start the sync again';
      throw new ThresholdError(`${refusal} Nothing was changed; ${action} with the threshold override to apply it.`, counts);
    }
    const total: Record<string, number> = {};
    for (const e of ENTITY_TYPES)
      total[e] = counts[e].created + counts[e].updated + counts[e].deleted + counts[e].restored + counts[e].ended + counts[e].unchanged;
    await progress.setPhase(SyncPhase.APPLYING, { from: 60, to: 98 }, total);
    const write = async (em: EntityManager) => {
      await new SyncApplier(
        em,
        district.id,
        run.id,
        store,
        planned.unchanged,
        (entity, n) => {
          signal.throwIfAborted();
          progress.update(entity, n);
        },
        timer,
        pacer,
      ).apply();
      signal.throwIfAborted();
      await timer.time('apply.launch', () => launch(em, counts));
    };
    // The plan is staged: an apply another transaction's locks rolled back can run again.
    await retryOnLockConflict(
      () => {
        signal.throwIfAborted();
        return timer.time('apply', () => applyInTransaction(app.ds, write));
      },
      {
        attempts: 6,
        // Apart and at random: applies that collided and restarted together would collide again.
        backoffMs: (attempt) => (100 + Math.random() * 400) * attempt,
        onRetry: (attempt) => app.logger.warn({ runId: run.id, attempt }, 'apply rolled back by a deadlock; applying again'),
      },
    );
    return counts;
  } finally {
    timer.add('pausedForOtherClients', pacer.paused);
    await timer
      .time('stage.dropTables', () => dropStageTables(app.ds, run.id))
      .catch((err) => app.logger.warn({ err: String(err), runId: run.id }, 'could not drop staging tables'));
  }
}

function thresholdIssueCode(mode: SyncMode): string {
  return mode === SyncMode.RESET ? 'RESET_THRESHOLD_EXCEEDED' : 'DELETE_THRESHOLD_EXCEEDED';
}

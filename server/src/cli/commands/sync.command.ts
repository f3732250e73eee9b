import { validateDate } from '../../roster/district-settings.validation.js';
import { DistrictService } from '../../roster/district.service.js';
import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { SyncMode, SyncTrigger } from '../../sync/sync-enums.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import { executeSyncRunInThread } from '../../sync/sync-thread.js';
import { runServiceFor } from '../../sync/run-recovery.js';
import { createJobClient } from '../../jobs/index.js';
import { choiceOption, intOption, UsageError, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';
import { confirmReset } from './reset-preview.js';

/** The `sync --json` object (README, command line). */
export function runSummary(run: SyncRun) {
  const counts: Record<string, unknown> = {};
  for (const e of ENTITY_TYPES) counts[e] = { created: 0, updated: 0, deleted: 0, restored: 0, ended: 0, unchanged: 0, ...run.counts?.[e] };
  return { id: run.id, status: run.status, mode: run.mode, dryRun: run.dryRun, counts, issues: run.issueCounts ?? {}, error: run.error };
}

function printHuman(run: SyncRun, out: (l: string) => void) {
  out(`Run ${run.id}: ${run.status}${run.dryRun ? ' (dry run: nothing was changed)' : ''}`);
  if (run.error) out(`  ${run.error}`);
  for (const e of ENTITY_TYPES) {
    const c = run.counts?.[e];
    if (c)
      out(
        `  ${e.padEnd(12)} created ${c.created}, updated ${c.updated}, deleted ${c.deleted}, restored ${c.restored}, ended ${c.ended ?? 0}, unchanged ${c.unchanged}`,
      );
  }
  const issues = Object.entries(run.issueCounts ?? {});
  if (issues.length) out(`  issues: ${issues.map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

export const syncCommand: CommandRunner = {
  async run(v, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('Name exactly one district (id or name)');
    const mode = (choiceOption(v.mode as string | undefined, 'mode', ['edit', 'reset'] as const) ?? 'edit').toUpperCase() as SyncMode;
    const asOf = v['as-of'] as string | undefined;
    if (asOf) {
      try {
        validateDate(asOf, '--as-of');
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    const guarded = mode === SyncMode.RESET && !v['dry-run'] && !v.revert;
    if (!guarded && (v.preview !== undefined || v.confirm !== undefined))
      throw new UsageError('--preview and --confirm only apply to --mode reset without --dry-run');
    const previewRunId = intOption(v.preview, 'preview', 1);
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const district = await new DistrictService(app.ds, app.config.secretKey).get(positionals[0]);
      // Ends a run of this district whose process died (kill -9 of an earlier --wait) before starting.
      const runs = runServiceFor(app);
      let revertOfRunId: number | null = null;
      if (v.revert) {
        const { revertibleRun } = await import('../../sync/sync-revert.js');
        revertOfRunId = (await revertibleRun(app.ds.manager, district.id)).id;
      }
      const confirmedPreview = guarded
        ? await confirmReset(app, district, io, { previewRunId, confirm: v.confirm as string | undefined, asOf: asOf ?? null, print: v.json ? io.err : io.out })
        : null;
      const { run, existing } = await runs.createRun({
        districtId: district.id,
        mode,
        dryRun: Boolean(v['dry-run']),
        asOf: asOf ?? null,
        overrideThreshold: Boolean(v['override-threshold']),
        trigger: v.revert ? SyncTrigger.REVERT : SyncTrigger.MANUAL,
        requestedBy: 'cli',
        revertOfRunId,
        previewRunId: confirmedPreview,
      });
      if (existing) {
        io.err(`District "${district.name}" already has run ${run.id} ${run.status.toLowerCase().replace('_', ' ')}; not starting another.`);
        if (v.json) io.out(JSON.stringify(runSummary(run)));
        return 1;
      }
      if (!v.wait) {
        const jobs = await createJobClient(app);
        await jobs.enqueueSyncRun(run.id);
        await jobs.close();
        if (v.json) io.out(JSON.stringify(runSummary(run)));
        else
          io.out(
            `Run ${run.id} queued (${mode}${v['dry-run'] ? ', dry run' : ''}) for "${district.name}"; a worker (homeroom serve) will run it. Use --wait to run it here and print the result.`,
          );
        return 0;
      }
      // --wait runs the sync here, in a thread as a worker would (bounded heap, lower priority):
      // it works with or without a running worker.
      if (!v.json) io.out(`Run ${run.id} started (${mode}${v['dry-run'] ? ', dry run' : ''}) for "${district.name}"…`);
      const done = await executeSyncRunInThread(app, run.id);
      if (v.json) io.out(JSON.stringify(runSummary(done)));
      else printHuman(done, io.out);
      return done.status === 'LAUNCHED' ? 0 : 1;
    } finally {
      await closeApp(app);
    }
  },
};

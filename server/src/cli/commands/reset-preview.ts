import type { AppContext } from '../../app-context.js';
import type { District } from '../../roster/district.entity.js';
import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { assertConfirmed, previewDeletions, usablePreview } from '../../sync/reset-preview-guard.js';
import { SyncChange } from '../../sync/sync-change.entity.js';
import { ChangeAction, SyncMode, SyncStatus, SyncTrigger } from '../../sync/sync-enums.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import { executeSyncRun } from '../../sync/sync-run.executor.js';
import { SyncRunService } from '../../sync/sync-run.service.js';
import { UsageError, type CommandIo } from '../cli-command.js';

/** Records listed by name in the terminal; the rest are counted (`homeroom changes` lists all). */
const LISTED = 20;

export interface ResetPreviewOptions {
  previewRunId?: number;
  confirm?: string;
  asOf: string | null;
  /** Where to print the preview (stderr when stdout carries JSON). */
  print: (line: string) => void;
}

async function printPreview(app: AppContext, preview: SyncRun, print: (l: string) => void): Promise<void> {
  const deletions = previewDeletions(preview);
  print(`Preview run ${preview.id}: this Reset deletes ${deletions} record${deletions === 1 ? '' : 's'}.`);
  for (const e of ENTITY_TYPES) {
    const n = preview.counts?.[e]?.deleted ?? 0;
    if (n) print(`  ${e.padEnd(12)} ${n} deleted`);
  }
  if (!deletions) return;
  const rows = await app.ds.getRepository(SyncChange).find({ where: { runId: preview.id, action: ChangeAction.DELETE }, order: { id: 'ASC' }, take: LISTED });
  for (const r of rows) print(`  - ${r.entityType} ${r.sourceId ?? r.entityId}`);
  if (deletions > rows.length) print(`  … and ${deletions - rows.length} more: homeroom changes ${preview.id} --action delete`);
}

/** Runs a dry-run Reset here, so a Reset never starts unseen. */
async function runPreview(app: AppContext, district: District, asOf: string | null, print: (l: string) => void): Promise<SyncRun> {
  const { run, existing } = await new SyncRunService(app.ds).createRun({
    districtId: district.id,
    mode: SyncMode.RESET,
    dryRun: true,
    asOf,
    trigger: SyncTrigger.MANUAL,
    requestedBy: 'cli',
  });
  if (existing)
    throw new UsageError(`District "${district.name}" already has run ${run.id} ${run.status.toLowerCase().replace('_', ' ')}; preview after it ends`);
  print(`Previewing the Reset of "${district.name}" (run ${run.id})…`);
  const done = await executeSyncRun(app, run.id);
  if (done.status !== SyncStatus.LAUNCHED) throw new UsageError(`The preview run ${done.id} ${done.status.toLowerCase()}: ${done.error ?? 'no reason given'}`);
  return done;
}

/**
 * The CLI side of the Reset guard: a preview (given or run here), shown, and the district's
 * name typed on a terminal or given with --confirm when it deletes anything. Returns the preview id.
 */
export async function confirmReset(app: AppContext, district: District, io: CommandIo, o: ResetPreviewOptions): Promise<number> {
  const preview = o.previewRunId != null ? await usablePreview(app.ds, district, o.previewRunId) : await runPreview(app, district, o.asOf, o.print);
  await printPreview(app, preview, o.print);
  let confirmation = o.confirm;
  if (confirmation === undefined && previewDeletions(preview) > 0) {
    if (!io.ask) throw new UsageError(`This Reset deletes records; without a terminal, confirm with --confirm "${district.name}"`);
    confirmation = (await io.ask(`Type the district's name to delete these records: `)) ?? '';
  }
  assertConfirmed(district, preview, confirmation);
  return preview.id;
}

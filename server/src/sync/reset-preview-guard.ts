import type { DataSource } from 'typeorm';
import type { District } from '../roster/district.entity.js';
import { SyncMode, SyncStatus } from './sync-enums.js';
import { SyncRun } from './sync-run.entity.js';
import { ValidationError } from '../errors.js';

/** How old a Reset preview may be when the Reset it guards starts. */
export const PREVIEW_MAX_AGE_MS = 60 * 60 * 1000;

export interface ResetGuardRequest {
  previewRunId?: number | null;
  confirmation?: string | null;
}

/** Records a preview would delete, summed over entity types. */
export function previewDeletions(preview: SyncRun): number {
  return Object.values(preview.counts ?? {}).reduce((n, c) => n + (c?.deleted ?? 0), 0);
}

/**
 * A launched dry-run Reset of `district`, at most an hour old, or a readable refusal.
 * The engine later checks that the real plan deletes exactly what this preview listed.
 */
export async function usablePreview(ds: DataSource, district: District, previewRunId: number | null | undefined, now = new Date()): Promise<SyncRun> {
  if (previewRunId == null) {
    throw new ValidationError(`A Reset needs a preview first: start a dry-run Reset of "${district.name}" and pass its run id as previewRunId`);
  }
  const preview = await ds.getRepository(SyncRun).findOneBy({ id: previewRunId });
  if (!preview || preview.districtId !== district.id)
    throw new ValidationError(`Run ${previewRunId} is not a run of "${district.name}"; pass a preview of this district`);
  if (preview.mode !== SyncMode.RESET || !preview.dryRun)
    throw new ValidationError(`Run ${previewRunId} is not a Reset preview (a dry-run Reset); pass one as previewRunId`);
  if (preview.status !== SyncStatus.LAUNCHED) throw new ValidationError(`Preview run ${previewRunId} did not finish (${preview.status}); run a new preview`);
  const finished = (preview.finishedAt ?? preview.createdAt).getTime();
  if (now.getTime() - finished > PREVIEW_MAX_AGE_MS) {
    throw new ValidationError(`Preview run ${previewRunId} is more than an hour old; run a new preview so the Reset deletes what you reviewed`);
  }
  return preview;
}

/** The district's name typed back, required when the preview deletes anything. */
export function assertConfirmed(district: District, preview: SyncRun, confirmation: string | null | undefined): void {
  const deletions = previewDeletions(preview);
  if (deletions === 0) return;
  if (confirmation == null || confirmation.trim() === '') {
    throw new ValidationError(
      `This Reset deletes ${deletions} records (preview run ${preview.id}); confirm by giving the district's name "${district.name}" as confirmation`,
    );
  }
  if (confirmation.trim() !== district.name.trim()) {
    throw new ValidationError(`The confirmation "${confirmation.trim()}" does not match the district's name "${district.name}"`);
  }
}

/** Checks a non-dry Reset request; returns the preview run id to store on the new run. */
export async function guardReset(ds: DataSource, district: District, req: ResetGuardRequest): Promise<number> {
  const preview = await usablePreview(ds, district, req.previewRunId);
  assertConfirmed(district, preview, req.confirmation);
  return preview.id;
}

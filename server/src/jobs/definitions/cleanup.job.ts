import type { Job } from 'agenda';
import { LessThan } from 'typeorm';
import type { AppContext } from '../../app-context.js';
import { SyncChange } from '../../sync/sync-change.entity.js';
import { SyncIssue } from '../../sync/sync-issue.entity.js';
import { DEFAULT_RETENTION_DAYS, type JobPayloads } from '../job-types.js';

/** Deletes sync changes and issues older than `retentionDays` (runs themselves are kept). */
export async function cleanupOldSyncDetails(
  app: AppContext,
  retentionDays = DEFAULT_RETENTION_DAYS,
  now = new Date(),
): Promise<{ changes: number; issues: number }> {
  if (!Number.isFinite(retentionDays) || retentionDays < 1) throw new Error(`retentionDays must be at least 1, got ${retentionDays}`);
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const changes = (await app.ds.getRepository(SyncChange).delete({ createdAt: LessThan(cutoff) })).affected ?? 0;
  const issues = (await app.ds.getRepository(SyncIssue).delete({ createdAt: LessThan(cutoff) })).affected ?? 0;
  app.logger.info({ job: 'cleanup', retentionDays, changes, issues }, 'old sync changes and issues removed');
  return { changes, issues };
}

export function cleanupJob(app: AppContext) {
  return async (job: Job<JobPayloads['cleanup']>): Promise<void> => {
    await cleanupOldSyncDetails(app, job.attrs.data?.retentionDays ?? DEFAULT_RETENTION_DAYS);
  };
}

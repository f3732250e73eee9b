import type { Job } from 'agenda';
import type { AppContext } from '../../app-context.js';
import { SyncMode, SyncTrigger } from '../../sync/sync-enums.js';
import { runServiceFor } from '../../sync/run-recovery.js';
import type { JobPayloads } from '../job-types.js';
import { scheduledSyncBlocker } from '../scheduled-sync-blocker.js';
import { DistrictRepository } from '../../roster/district.repository.js';

export type ScheduleOutcome = { created: true; runId: number } | { created: false; reason: string; runId?: number };

/**
 * What one firing of a district's schedule does: a SCHEDULED EDIT run, enqueued for a
 * worker — or nothing, with the reason (paused, expired, a run already active, deleted).
 */
export async function runDistrictSchedule(
  app: AppContext,
  districtId: number,
  enqueue: (runId: number) => Promise<void>,
  now = new Date(),
): Promise<ScheduleOutcome> {
  const log = app.logger.child({ job: 'district-schedule', districtId });
  const district = await new DistrictRepository(app.ds).findById(districtId);
  if (!district) {
    log.warn('scheduled sync skipped: the district no longer exists');
    return { created: false, reason: 'the district no longer exists' };
  }
  const blocker = scheduledSyncBlocker(district, now);
  if (blocker) {
    log.info({ reason: blocker }, `scheduled sync skipped: ${blocker}`);
    return { created: false, reason: blocker };
  }
  const { run, existing } = await runServiceFor(app).createRun({ districtId, mode: SyncMode.EDIT, trigger: SyncTrigger.SCHEDULED, requestedBy: 'schedule' });
  if (existing) {
    const reason = `run ${run.id} is already ${run.status}`;
    log.info({ runId: run.id, reason }, `scheduled sync skipped: ${reason}`);
    return { created: false, reason, runId: run.id };
  }
  await enqueue(run.id);
  log.info({ runId: run.id }, 'scheduled sync run created');
  return { created: true, runId: run.id };
}

export function districtScheduleJob(app: AppContext, enqueue: (runId: number) => Promise<void>) {
  return async (job: Job<JobPayloads['district-schedule']>): Promise<void> => {
    const outcome = await runDistrictSchedule(app, job.attrs.data.districtId, enqueue);
    if (!outcome.created && outcome.reason === 'the district no longer exists') await job.remove();
  };
}

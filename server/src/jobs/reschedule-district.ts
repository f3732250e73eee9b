import type { AppContext } from '../app-context.js';
import type { District } from '../roster/district.entity.js';
import { createJobClient } from './job-worker.js';

/**
 * Brings the district's repeating sync job in line with its schedule, timezone and
 * settings right away (jobs are rows in our database, so no worker needs to run).
 * Returns the next scheduled sync.
 */
export async function rescheduleDistrict(app: AppContext, district: District): Promise<Date | null> {
  const jobs = await createJobClient(app);
  try {
    return await jobs.scheduler.scheduleDistrict(district);
  } finally {
    await jobs.close();
  }
}

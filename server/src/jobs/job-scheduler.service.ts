import type { Agenda } from 'agenda';
import type { DataSource } from 'typeorm';
import { District } from '../roster/district.entity.js';
import { CLEANUP_SCHEDULE, DEFAULT_RETENTION_DAYS, JOB_NAMES, type JobPayloads } from './job-types.js';
import { validateSchedule } from '../roster/district-settings.validation.js';

export type ScheduledDistrict = Pick<District, 'id' | 'schedule' | 'timezone'>;

/** Enqueues runs and keeps each district's repeating job in step with its schedule. */
export class JobScheduler {
  constructor(
    private readonly agenda: Agenda,
    private readonly ds: DataSource,
  ) {}

  /** Queues a SyncRun for a worker; enqueuing the same run twice keeps one job. */
  async enqueueSyncRun(runId: number): Promise<void> {
    const payload: JobPayloads['sync-run'] = { runId };
    await this.agenda.create(JOB_NAMES.syncRun, payload).unique({ 'data.runId': runId }, { insertOnly: true }).schedule(new Date()).save();
  }

  /**
   * Creates or updates the district's repeating `district-schedule` job from its cron and
   * timezone (validated first). Returns the next run time.
   */
  async scheduleDistrict(district: ScheduledDistrict): Promise<Date | null> {
    validateSchedule(district.schedule, district.timezone);
    const payload: JobPayloads['district-schedule'] = { districtId: district.id };
    const job = this.agenda
      .create(JOB_NAMES.districtSchedule, payload)
      .unique({ 'data.districtId': district.id })
      .repeatEvery(district.schedule, { timezone: district.timezone, skipImmediate: true });
    await job.save();
    return job.attrs.nextRunAt ?? null;
  }

  /** Removes the district's repeating job (the district was deleted). */
  async unscheduleDistrict(districtId: number): Promise<number> {
    return this.agenda.cancel({ name: JOB_NAMES.districtSchedule, data: { districtId } });
  }

  /**
   * Brings every district's job in line with the districts table: creates missing jobs,
   * updates changed schedules/timezones, removes jobs of deleted districts. Safe to run
   * from several workers at once.
   */
  async syncDistrictSchedules(): Promise<{ scheduled: number; removed: number }> {
    const districts = await this.ds.getRepository(District).find({ select: { id: true, schedule: true, timezone: true } });
    const { jobs } = await this.agenda.queryJobs({ name: JOB_NAMES.districtSchedule });
    const jobByDistrict = new Map(jobs.map((j) => [(j.data as JobPayloads['district-schedule']).districtId, j]));
    let scheduled = 0;
    for (const d of districts) {
      const job = jobByDistrict.get(d.id);
      jobByDistrict.delete(d.id);
      if (job && job.repeatInterval === d.schedule && job.repeatTimezone === d.timezone && job.nextRunAt) continue;
      try {
        await this.scheduleDistrict(d);
        scheduled++;
      } catch {
        // An invalid stored schedule: the district service rejects those; nothing to run.
      }
    }
    let removed = 0;
    for (const districtId of jobByDistrict.keys()) removed += await this.unscheduleDistrict(districtId);
    return { scheduled, removed };
  }

  /** The nightly retention job (one per installation). */
  async scheduleCleanup(retentionDays = DEFAULT_RETENTION_DAYS, cron = CLEANUP_SCHEDULE): Promise<void> {
    const payload: JobPayloads['cleanup'] = { retentionDays };
    await this.agenda.every(cron, JOB_NAMES.cleanup, payload, { timezone: 'UTC', skipImmediate: true });
  }
}

/** Every job Homeroom defines, with its payload: the one place job names are spelled. */
export interface JobPayloads {
  /** Executes one SyncRun row (SCHEDULED → LAUNCHED / FAILED / CANCELLED). */
  'sync-run': { runId: number };
  /** One repeating job per district, from its cron schedule and timezone. */
  'district-schedule': { districtId: number };
  /** Deletes sync changes and issues older than the retention. */
  cleanup: { retentionDays: number };
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES = {
  syncRun: 'sync-run',
  districtSchedule: 'district-schedule',
  cleanup: 'cleanup',
} as const satisfies Record<string, JobName>;

export const DEFAULT_RETENTION_DAYS = 90;
/** Nightly, in UTC. */
export const CLEANUP_SCHEDULE = '30 3 * * *';

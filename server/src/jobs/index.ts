export { createJobBackend, JOB_NOTIFICATION_CHANNEL, type JobBackendOptions } from './job-backend.js';
export { TypeormJobRepository, DEFAULT_JOB_TABLE } from './job-repository.js';
export { JobScheduler, type ScheduledDistrict } from './job-scheduler.service.js';
export { startWorker, createJobClient, recoverRuns, type JobWorker, type JobClient, type WorkerOptions } from './job-worker.js';
export { validateSchedule, nextRunTimes, localDate, ScheduleError } from './schedule.js';
export { runDistrictSchedule, scheduledSyncBlocker, type ScheduleOutcome } from './definitions/district-schedule.job.js';
export { cleanupOldSyncDetails } from './definitions/cleanup.job.js';
export { JOB_NAMES, DEFAULT_RETENTION_DAYS, type JobName, type JobPayloads } from './job-types.js';
export { rescheduleDistrict } from './reschedule-district.js';

export { createJobBackend, JOB_NOTIFICATION_CHANNEL, type JobBackendOptions } from './job-backend.js';
export { TypeormJobRepository, DEFAULT_JOB_TABLE } from './job-repository.js';

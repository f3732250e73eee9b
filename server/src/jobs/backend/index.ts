// Agenda 6 on our own database (SQLite or MySQL/MariaDB): generic, it knows no job of ours.
// Feature work should not need to touch it; import-direction.test.ts keeps it off feature code.
export { createJobBackend, JOB_NOTIFICATION_CHANNEL, type JobBackendOptions } from './job-backend.js';
export { TypeormJobRepository, DEFAULT_JOB_TABLE } from './job-repository.js';

import { AdminSession } from '../auth/admin-session.entity.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { AgendaJob } from '../jobs/backend/agenda-job.entity.js';
import { Course } from '../roster/course.entity.js';
import { District } from '../roster/district.entity.js';
import { Enrollment } from '../roster/enrollment.entity.js';
import { PersonSchool } from '../roster/person-school.entity.js';
import { Person } from '../roster/person.entity.js';
import { School } from '../roster/school.entity.js';
import { Section } from '../roster/section.entity.js';
import { Term } from '../roster/term.entity.js';
import { FieldMapping } from '../sync/field-mapping.entity.js';
import { SyncChange } from '../sync/sync-change.entity.js';
import { SyncIssue } from '../sync/sync-issue.entity.js';
import { SyncRun } from '../sync/sync-run.entity.js';

/** Every entity of the schema; a new entity is listed here and gets a migration. */
export const ENTITIES = [
  District,
  School,
  Person,
  PersonSchool,
  Term,
  Course,
  Section,
  Enrollment,
  SyncRun,
  SyncChange,
  SyncIssue,
  FieldMapping,
  AgendaJob,
  AdminUser,
  AdminSession,
  ApiToken,
];

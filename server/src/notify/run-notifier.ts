import type { AppContext } from '../app-context.js';
import { SyncMode, SyncStatus } from '../sync/sync-enums.js';
import { SyncRun } from '../sync/sync-run.entity.js';
import { createMailer, type Mailer } from './mailer.js';
import { Person } from '../roster/person.entity.js';
import { PersonRole } from '../roster/roster-enums.js';
import { NEW_TEACHERS_LISTED, renderRunEmail, type RunEmailInput } from './run-email.js';
import { SyncRunRepository } from '../sync/sync-run.repository.js';
import { DistrictRepository } from '../roster/district.repository.js';

const ENDED = [SyncStatus.LAUNCHED, SyncStatus.FAILED, SyncStatus.CANCELLED];

/** One mailer per AppContext (its SMTP connection settings), made on first use. */
const mailers = new WeakMap<AppContext, Mailer>();

export function mailerFor(app: AppContext): Mailer {
  let mailer = mailers.get(app);
  if (!mailer) {
    mailer = createMailer(app.config, app.logger.child({ component: 'notify' }));
    mailers.set(app, mailer);
  }
  return mailer;
}

export interface NotifyOutcome {
  sent: string[];
  failed: string[];
  skipped?: string;
}

/** The teachers a launched run created, by name (the first NEW_TEACHERS_LISTED), for the licensing to-do. */
async function newTeachersOf(app: AppContext, run: SyncRun): Promise<RunEmailInput['newTeachers']> {
  if (run.status !== SyncStatus.LAUNCHED) return undefined;
  const [rows, total] = await app.ds.getRepository(Person).findAndCount({
    where: { districtId: run.districtId, createdByRunId: run.id, role: PersonRole.TEACHER },
    order: { familyName: 'ASC', givenName: 'ASC', id: 'ASC' },
    take: NEW_TEACHERS_LISTED,
  });
  return { total, listed: rows.map((p) => ({ name: `${p.givenName} ${p.familyName}`, email: p.email, sourceId: p.sourceId })) };
}

/**
 * Emails the district's subscribers (notifyEmails) once a run has ended: one message per
 * address, so subscribers do not see each other. Dry runs send nothing (the admin who asked
 * for the preview is looking at it). A failed delivery is logged; it never fails the run.
 */
export async function notifyRunFinished(app: AppContext, runId: number, mailer: Mailer = mailerFor(app)): Promise<NotifyOutcome> {
  const log = app.logger.child({ component: 'notify', runId });
  const run = await new SyncRunRepository(app.ds).findById(runId);
  if (!run) return { sent: [], failed: [], skipped: 'no such run' };
  if (!ENDED.includes(run.status)) return { sent: [], failed: [], skipped: `run is ${run.status}` };
  if (run.dryRun) return { sent: [], failed: [], skipped: 'dry run' };
  const district = await new DistrictRepository(app.ds).findById(run.districtId);
  // "Failures and Resets only" subscribers skip a launched Edit sync.
  const routine = run.status === SyncStatus.LAUNCHED && run.mode !== SyncMode.RESET;
  const quiet = new Set(routine ? (district?.notifyProblemsOnly ?? []) : []);
  const to = [...new Set((district?.notifyEmails ?? []).map((e) => e.trim()).filter((e) => e && !quiet.has(e)))];
  if (!district || to.length === 0) return { sent: [], failed: [], skipped: 'no subscribers' };
  const email = renderRunEmail({ run, district, publicUrl: app.config.publicUrl, newTeachers: await newTeachersOf(app, run) });
  const sent: string[] = [];
  const failed: string[] = [];
  for (const address of to) {
    try {
      await mailer.send({ to: address, ...email }, { runId, districtId: district.id, status: run.status });
      sent.push(address);
    } catch (err) {
      failed.push(address);
      log.error({ err, districtId: district.id, to: address, subject: email.subject }, 'sync email could not be sent');
    }
  }
  return { sent, failed };
}

import type { AppHooks } from '../app-context.js';

/**
 * What sync/ triggers above it, wired here where the process is assembled (openApp, the test
 * harnesses): the run's email and the district's repeating job. Each is imported on first use,
 * so a command that triggers neither (`district list`) loads neither Agenda nor nodemailer.
 */
export const APP_HOOKS: AppHooks = {
  async runFinished(app, runId) {
    const { notifyRunFinished } = await import('../notify/run-notifier.js');
    await notifyRunFinished(app, runId);
  },
  async districtChanged(app, district) {
    const { rescheduleDistrict } = await import('../jobs/reschedule-district.js');
    return rescheduleDistrict(app, district);
  },
};

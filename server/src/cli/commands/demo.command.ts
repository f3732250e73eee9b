import type { AppContext } from '../../app-context.js';
import { DistrictService } from '../../roster/district.service.js';
import { SourceKind } from '../../roster/roster-enums.js';
import { SyncMode, SyncTrigger } from '../../sync/sync-enums.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import { executeSyncRun } from '../../sync/sync-run.executor.js';
import { runServiceFor } from '../../sync/run-recovery.js';
import { intOption, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';

/** Creates a demo district (generated source) and runs its first sync. */
export async function createDemoDistrict(app: AppContext, name: string, students: number): Promise<{ districtId: number; run: SyncRun }> {
  const district = await new DistrictService(app.ds, app.config.secretKey).create({ name, sourceKind: SourceKind.DEMO, source: { students, seed: 42 } });
  const { run } = await runServiceFor(app).createRun({ districtId: district.id, mode: SyncMode.EDIT, trigger: SyncTrigger.MANUAL, requestedBy: 'demo' });
  return { districtId: district.id, run: await executeSyncRun(app, run.id) };
}

export const demoCommand: CommandRunner = {
  async run(v, _p, io) {
    const students = intOption(v.students, 'students', 1) ?? 2000;
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const started = Date.now();
      const { districtId, run } = await createDemoDistrict(app, String(v.name ?? 'Demo District'), students);
      const c = run.counts ?? {};
      io.out(
        `Created district ${districtId} "${v.name ?? 'Demo District'}": ${c.schools?.created ?? 0} schools, ${c.people?.created ?? 0} people, ${c.sections?.created ?? 0} sections, ${c.enrollments?.created ?? 0} enrollments (run ${run.id} ${run.status}, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      return run.status === 'LAUNCHED' ? 0 : 1;
    } finally {
      await closeApp(app);
    }
  },
};

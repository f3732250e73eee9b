import type { AppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createHomeroomPubSub } from '../../src/events/pubsub.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SourceKind } from '../../src/roster/roster-enums.js';
import type { RosterSource } from '../../src/sync/sources/roster-source.js';
import { SyncMode, SyncTrigger } from '../../src/sync/sync-enums.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { executeSyncRun } from '../../src/sync/sync-run.executor.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import type { TestDatabase } from './test-database.js';
import { APP_HOOKS } from '../../src/cli/app-hooks.js';

export const TEST_SECRET = 'homeroom-test-secret-key';

/** `env` adds settings; `logger` replaces the silent one (e.g. to read what was logged). */
export function testApp(db: TestDatabase, env: Record<string, string> = {}, logger: Logger = createLogger('silent')): AppContext {
  const config = loadConfig({ DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent', DATA_DIR: '/tmp/homeroom-test-data', ...env });
  return { config, ds: db.ds, logger, pubsub: createHomeroomPubSub(), hooks: APP_HOOKS };
}

export async function createDistrict(app: AppContext, name: string, kind = SourceKind.DEMO, source: Record<string, unknown> = { students: 100 }) {
  return new DistrictService(app.ds, app.config.secretKey).create({ name, sourceKind: kind, source });
}

export interface SyncOptions {
  mode?: SyncMode;
  dryRun?: boolean;
  asOf?: string;
  overrideThreshold?: boolean;
  source?: RosterSource;
  trigger?: SyncTrigger;
  revertOfRunId?: number;
  /** For a Reset: the preview (dry run) it was confirmed from. */
  previewRunId?: number;
  signal?: AbortSignal;
}

/** Creates a run and executes it in this process, as `homeroom sync` does. */
export async function sync(app: AppContext, districtId: number, o: SyncOptions = {}): Promise<SyncRun> {
  const { run, existing } = await new SyncRunService(app.ds).createRun({
    districtId,
    mode: o.mode ?? SyncMode.EDIT,
    dryRun: o.dryRun,
    asOf: o.asOf ?? '2026-11-23',
    overrideThreshold: o.overrideThreshold,
    trigger: o.trigger ?? SyncTrigger.MANUAL,
    requestedBy: 'test',
    revertOfRunId: o.revertOfRunId,
    previewRunId: o.previewRunId,
  });
  if (existing) throw new Error(`district ${districtId} already has active run ${run.id}`);
  return executeSyncRun(app, run.id, { source: o.source, signal: o.signal });
}

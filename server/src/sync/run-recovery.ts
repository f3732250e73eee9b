import type { AppContext } from '../app-context.js';
import type { Config } from '../config.js';
import { SyncRunService } from './sync-run.service.js';

/*
 * A run whose process died (kill -9, crash, lost machine) must not hold its district. The
 * executing process writes the run's heartbeat every second; any process that opens the
 * database — the CLI before it starts a sync, the API, every worker on a timer — ends a run
 * whose heartbeat has stopped.
 */

export interface HeartbeatPolicy {
  /** A heartbeat older than this means the process is gone. */
  staleAfterMs: number;
  /** How often a worker looks for such runs. */
  checkEveryMs: number;
}

/**
 * RUN_HEARTBEAT_TIMEOUT_SECONDS is the promise: a dead run is recovered at most that long
 * after its last heartbeat. Workers look every few seconds, so a run counts as stale that
 * much earlier.
 */
export function heartbeatPolicy(config: Pick<Config, 'runHeartbeatTimeoutSeconds'>): HeartbeatPolicy {
  const timeoutMs = config.runHeartbeatTimeoutSeconds * 1000;
  const checkEveryMs = Math.max(500, Math.min(5000, Math.floor(timeoutMs / 4)));
  return { staleAfterMs: timeoutMs - checkEveryMs, checkEveryMs };
}

/** The run service of a process: recovers stale runs with the configured policy and emails about them. */
export function runServiceFor(app: AppContext): SyncRunService {
  return new SyncRunService(app.ds, {
    staleAfterMs: heartbeatPolicy(app.config).staleAfterMs,
    onRecovered: async (runId) => {
      app.logger.warn({ runId }, 'sync run recovered: its process stopped');
      await app.hooks?.runFinished(app, runId).catch((err) => app.logger.error({ err, runId }, 'sync email failed'));
    },
  });
}

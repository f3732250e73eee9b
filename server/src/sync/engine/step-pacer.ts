import type { DataSource } from 'typeorm';
import { dialectOf, yieldToEventLoop } from './sql-dialect.js';

export interface PacingOptions {
  /** SELECTs per second from all of the server's clients above which it counts as busy; 0: never pause. */
  busySelectsPerSecond: number;
  /** The longest single pause (ms). */
  maxPauseMs?: number;
}

/** The shortest span a rate is read over: a reading over a few milliseconds is noise. */
const WINDOW_MS = 100;

/**
 * Paces a sync's bounded steps (a planner batch, an apply slice). Every pause yields to the
 * event loop. On MySQL/MariaDB it also reads how many SELECTs the server runs: while other
 * clients keep it busy (partners reading rosters through the API), the sync sleeps as long as its
 * steps since the last pause took, so it holds at most about half of the core the API needs —
 * the way gh-ost and pt-online-schema-change let a bulk copy give way to production traffic. On
 * a quiet server it never sleeps. A pause inside the apply transaction only lengthens it: InnoDB
 * readers never wait for its locks. SQLite has no such counter: its syncs only yield.
 */
export class StepPacer {
  private stepStarted = performance.now();
  private lastCount: number | null = null;
  private lastRead = 0;
  private busy = false;
  private enabled: boolean;
  /** Total time paused for other clients (ms): reported with the run's steps. */
  paused = 0;

  constructor(
    private readonly ds: DataSource | null,
    private readonly options: PacingOptions = { busySelectsPerSecond: 0 },
  ) {
    this.enabled = ds !== null && dialectOf(ds) === 'mysql' && options.busySelectsPerSecond > 0;
  }

  async pause(): Promise<void> {
    await yieldToEventLoop();
    if (!this.enabled) return;
    const now = performance.now();
    const worked = now - this.stepStarted;
    if (this.lastCount === null || now - this.lastRead >= WINDOW_MS) {
      const count = await this.selectCount();
      if (count !== null && this.lastCount !== null) this.busy = ((count - this.lastCount) * 1000) / (now - this.lastRead) > this.options.busySelectsPerSecond;
      this.lastCount = count;
      this.lastRead = now;
    }
    if (this.busy) {
      const ms = Math.min(worked, this.options.maxPauseMs ?? 1000);
      this.paused += ms;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    this.stepStarted = performance.now();
  }

  /**
   * The server's count of SELECTs (all clients), or null where it cannot be read (then pacing
   * stops). SELECTs, not all statements: partners' reads are SELECTs, while a sync's own
   * statements are mostly writes (an update applies one statement per record), which would
   * count as the server being busy.
   */
  private async selectCount(): Promise<number | null> {
    try {
      const [row] = await this.ds!.query("SHOW GLOBAL STATUS WHERE Variable_name = 'Com_select'");
      const n = Number(row?.Value ?? row?.value);
      if (Number.isFinite(n)) return n;
    } catch {
      // No privilege or no such counter: the sync runs unpaced.
    }
    this.enabled = false;
    return null;
  }
}

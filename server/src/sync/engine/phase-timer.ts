import type { Logger } from '../../logger.js';

/**
 * Wall-clock time per step of a run (fetch and plan per entity type, each apply step), summed
 * by name and logged at debug level: where a slow sync spends its time, without a profiler.
 */
export class PhaseTimer {
  private readonly totals = new Map<string, number>();

  constructor(private readonly log?: Logger) {}

  /** Runs `fn` and adds its time to `name`. */
  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  add(name: string, ms: number): void {
    this.totals.set(name, (this.totals.get(name) ?? 0) + ms);
  }

  /** One debug line with every step's seconds, in the order the steps first ran. */
  report(message: string): void {
    if (!this.log?.isLevelEnabled('debug')) return;
    const seconds = Object.fromEntries([...this.totals].map(([k, ms]) => [k, Math.round(ms) / 1000]));
    this.log.debug({ seconds }, message);
  }
}

import { localDate as todayIn } from '../local-date.js';

/** Where a run's sync date came from: its own one-off as-of, the district's early rollover date, or today. */
export type SyncDateSource = 'RUN' | 'DISTRICT' | 'TODAY';

/**
 * The date a run syncs as of (the filter step, docs/ARCHITECTURE.md). A run's one-off as-of wins; else the
 * district's sync date while it is still ahead of today in the district's timezone (an early
 * rollover: next year's classes are live before the first day); else today. Once the
 * district's date arrives it changes nothing, so nobody has to remember to clear it.
 */
export function syncDateFor(
  run: { asOf: string | null },
  district: { syncAsOf: string | null; timezone: string },
  now = new Date(),
): { asOf: string; source: SyncDateSource } {
  if (run.asOf) return { asOf: run.asOf, source: 'RUN' };
  const today = todayIn(district.timezone, now);
  if (district.syncAsOf && district.syncAsOf > today) return { asOf: district.syncAsOf, source: 'DISTRICT' };
  return { asOf: today, source: 'TODAY' };
}

/** The district's sync date while it still applies (ahead of today there), else null. */
export function pendingSyncAsOf(district: { syncAsOf: string | null; timezone: string }, now = new Date()): string | null {
  return district.syncAsOf && district.syncAsOf > todayIn(district.timezone, now) ? district.syncAsOf : null;
}

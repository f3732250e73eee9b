/** Pure helpers of the school-year rollover (district sync date, the New school year page). */

/** "Aug 15, 2027" for a calendar date (YYYY-MM-DD), whatever the viewer's time zone. */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The Overview's line about an early rollover, e.g. "Syncing as of Aug 15, 2027 (early rollover) until that day". */
export function syncAsOfNotice(syncAsOf: string | null | undefined): string | null {
  return syncAsOf ? `Syncing as of ${formatLocalDate(syncAsOf)} (early rollover) until that day` : null;
}

/** Today in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** True when the date is still ahead of today in the district's time zone. */
export function isAhead(date: string, timeZone: string, now = new Date()): boolean {
  return date > todayIn(timeZone, now);
}

export interface RolloverCounts {
  entity: string;
  created: number;
  restored: number;
  ended: number;
  deleted: number;
}

/** What a rollover preview says: what arrives, what ends, what would be deleted (normally nothing). */
export function rolloverSummary(counts: readonly RolloverCounts[]) {
  const of = (entity: string) => counts.find((c) => c.entity === entity);
  const arrives = (entity: string) => (of(entity)?.created ?? 0) + (of(entity)?.restored ?? 0);
  const ends = (entity: string) => of(entity)?.ended ?? 0;
  return {
    arrives: { terms: arrives('terms'), sections: arrives('sections'), people: arrives('people'), enrollments: arrives('enrollments') },
    ends: { terms: ends('terms'), sections: ends('sections'), enrollments: ends('enrollments') },
    deleted: counts.reduce((n, c) => n + c.deleted, 0),
    deletedBy: counts.filter((c) => c.deleted > 0).map((c) => ({ entity: c.entity, deleted: c.deleted })),
  };
}

/** The next Aug 15 after today: a first day of school to start from (editable). */
export function suggestedFirstDay(timeZone: string, now = new Date()): string {
  const today = todayIn(timeZone, now);
  const year = Number(today.slice(0, 4));
  const candidate = `${year}-08-15`;
  return candidate > today ? candidate : `${year + 1}-08-15`;
}

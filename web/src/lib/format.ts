/** Display helpers shared by the dashboard pages (pure functions, unit-tested). */

import type { SyncPhase, SyncStatus, SyncTrigger } from '../gql/graphql.js';

/** The status words admins know from their current tools. */
export const STATUS_LABELS: Record<SyncStatus, string> = {
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In Progress',
  LAUNCHED: 'Launched',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

/** naive-ui tag types per status. */
export const STATUS_TAG_TYPES: Record<SyncStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  SCHEDULED: 'default',
  IN_PROGRESS: 'info',
  LAUNCHED: 'success',
  FAILED: 'error',
  CANCELLED: 'warning',
};

export const PHASE_LABELS: Record<SyncPhase, string> = {
  FETCHING: 'Reading the source',
  PLANNING: 'Comparing with the roster',
  APPLYING: 'Writing changes',
  FINALIZING: 'Recording the report',
};

export const SOURCE_LABELS: Record<string, string> = {
  CLEVER_API: 'Clever API',
  CLEVER_CSV: 'Clever CSV',
  ONEROSTER_CSV: 'OneRoster CSV',
  ONEROSTER_API: 'OneRoster API',
  DEMO: 'Demo',
};

export const ROLE_LABELS: Record<string, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  SUPPORT: 'Support (read-only)',
  DISTRICT_ADMIN: 'District admin',
};

export const TRIGGER_LABELS: Record<SyncTrigger, string> = {
  SCHEDULED: 'Schedule',
  MANUAL: 'Manual',
  ROLLOVER: 'Rollover',
  REVERT: 'Revert',
};

/** Entity types in the order the engine processes them, with their display names. */
export const ENTITY_LABELS: Record<string, string> = {
  schools: 'Schools',
  terms: 'Terms',
  courses: 'Courses',
  people: 'People',
  sections: 'Sections',
  enrollments: 'Enrollments',
};
export const ENTITY_ORDER = Object.keys(ENTITY_LABELS);

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity.charAt(0).toUpperCase() + entity.slice(1);
}

export function isActiveStatus(status: SyncStatus): boolean {
  return status === 'SCHEDULED' || status === 'IN_PROGRESS';
}

const numberFormat = new Intl.NumberFormat('en-US');
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "4 s", "2 min 5 s", "1 h 3 min" — for durations and ETAs. */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds)) return '—';
  if (totalSeconds < 1) return 'under 1 s';
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** Seconds between two ISO instants (end defaults to now), or null when it has not started. */
export function durationSeconds(startedAt: string | null | undefined, finishedAt: string | null | undefined, now = Date.now()): number | null {
  if (!startedAt) return null;
  const end = finishedAt ? Date.parse(finishedAt) : now;
  return Math.max(0, (end - Date.parse(startedAt)) / 1000);
}

/** "about 2 min left" style ETA; null when unknown or done. */
export function formatEta(etaSeconds: number | null | undefined): string | null {
  if (etaSeconds == null || etaSeconds < 0) return null;
  if (etaSeconds < 5) return 'almost done';
  return `about ${formatDuration(etaSeconds)} left`;
}

/** A date-time shown in the district's time zone, e.g. "Nov 23, 2026, 2:00 AM CST". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-US', options).format(date);
  }
}

/** "3 minutes ago" / "in 2 hours" relative to now. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const diff = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86400), 'day');
}

/** A person's display name. */
export function personName(p: { givenName: string; middleName?: string | null; familyName: string }): string {
  return [p.givenName, p.middleName, p.familyName].filter(Boolean).join(' ');
}

/** Shown in place of raw API error text ("[GraphQL] …"). */
export function errorMessage(error: { message: string; graphQLErrors?: ReadonlyArray<{ message: string }> } | null | undefined): string {
  if (!error) return '';
  const first = error.graphQLErrors?.[0]?.message;
  if (first) return first;
  return error.message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}

/** A record's additional source fields (mapped as extra.<name>), e.g. "ell: Y · homeroom: H-101", or — when none. */
export function extrasText(extras: ReadonlyArray<{ key: string; value: string }> | null | undefined): string {
  return extras?.length ? extras.map((e) => `${e.key}: ${e.value}`).join(' · ') : '—';
}

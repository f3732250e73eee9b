import { toJobId, type JobParameters } from 'agenda';
import type { SqlRow, SqlValue } from './sql-executor.js';

/** Columns of agenda_job that hold job attributes (id excluded). */
export const JOB_COLUMNS = [
  'name',
  'priority',
  'type',
  'nextRunAt',
  'lockedAt',
  'lastRunAt',
  'lastFinishedAt',
  'failedAt',
  'failCount',
  'failReason',
  'repeatInterval',
  'repeatTimezone',
  'repeatAt',
  'data',
  'disabled',
  'progress',
  'fork',
  'lastModifiedBy',
  'debounceStartedAt',
  'startDate',
  'endDate',
  'skipDays',
] as const;
export type JobColumn = (typeof JOB_COLUMNS)[number];

const DATE_COLUMNS = new Set<string>(['nextRunAt', 'lockedAt', 'lastRunAt', 'lastFinishedAt', 'failedAt', 'debounceStartedAt', 'startDate', 'endDate']);

export const ms = (d: Date | string | number | null | undefined): number | null => (d === null || d === undefined ? null : new Date(d).getTime());

const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));
const date = (v: unknown): Date | undefined => (v === null || v === undefined ? undefined : new Date(Number(v)));
const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

/** One column's SQL value for a job attribute. */
export function columnValue(column: JobColumn, job: Partial<JobParameters>): SqlValue {
  const value = (job as Record<string, unknown>)[column];
  if (DATE_COLUMNS.has(column)) return ms(value as Date | null | undefined);
  switch (column) {
    case 'data':
      return JSON.stringify(value === undefined ? null : value);
    case 'repeatInterval':
      return value === undefined || value === null ? null : JSON.stringify(value);
    case 'skipDays':
      return value ? JSON.stringify(value) : null;
    case 'disabled':
    case 'fork':
      return value ? 1 : 0;
    case 'priority':
      return Number(value ?? 0);
    case 'type':
      return (value as string | undefined) ?? 'normal';
    default:
      return value === undefined || value === null ? null : (value as string | number);
  }
}

function parseJson(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  try {
    return JSON.parse(String(v));
  } catch {
    return String(v);
  }
}

/** A stored row as Agenda's JobParameters (absent values are undefined, nextRunAt is null). */
export function rowToJob<DATA = unknown>(row: SqlRow): JobParameters<DATA> {
  const data = parseJson(row.data);
  const job: JobParameters<DATA> = {
    _id: toJobId(String(row.id)),
    name: String(row.name),
    priority: Number(row.priority ?? 0),
    nextRunAt: row.nextRunAt === null || row.nextRunAt === undefined ? null : new Date(Number(row.nextRunAt)),
    type: (row.type as 'normal' | 'single') ?? 'normal',
    data: (data === null ? undefined : data) as DATA,
    disabled: Boolean(Number(row.disabled ?? 0)),
    fork: Boolean(Number(row.fork ?? 0)),
  };
  const optional: Partial<JobParameters> = {
    lockedAt: date(row.lockedAt),
    lastRunAt: date(row.lastRunAt),
    lastFinishedAt: date(row.lastFinishedAt),
    failedAt: date(row.failedAt),
    failCount: num(row.failCount),
    failReason: str(row.failReason),
    repeatInterval: parseJson(row.repeatInterval) as string | number | undefined,
    repeatTimezone: str(row.repeatTimezone),
    repeatAt: str(row.repeatAt),
    progress: num(row.progress),
    lastModifiedBy: str(row.lastModifiedBy),
    debounceStartedAt: date(row.debounceStartedAt),
    startDate: date(row.startDate),
    endDate: date(row.endDate),
    skipDays: parseJson(row.skipDays) as number[] | undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (job as unknown as Record<string, unknown>)[key] = value;
  }
  return job;
}

/** Partial deep match: every key of `pattern` is present in `value` with an equal value (like jsonb @>). */
export function containsData(value: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return sameScalar(value, pattern);
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return false;
    return pattern.every((p) => value.some((v) => containsData(v, p)));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(pattern as Record<string, unknown>).every(([k, p]) => containsData((value as Record<string, unknown>)[k], p));
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return ms(a as Date) === ms(b as Date);
  return a === b;
}

import type { EntityType } from '../../roster/roster-enums.js';
import type { RawFields } from '../sources/roster-source.js';
import { EXTRA, EXTRA_PREFIX, FIELD_MAX_LENGTH, ROSTER_TABLES, SINGULAR } from './roster-tables.js';
import type { Values } from './sync-plan.js';

export interface NormalizeProblem {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Longest source id the roster tables hold (varchar(255)). */
export const SOURCE_ID_MAX_LENGTH = 255;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A value quoted in a message, shortened: the message is for a person, not a copy of the data. */
const quote = (v: string) => `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;

function text(v: RawFields[string]): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/**
 * The `extra.<name>` mappings of a record as canonical JSON: keys sorted, blank values left
 * out, null when nothing is left — the same source data always gives the same string.
 */
export function extraJson(fields: RawFields, mapping: Record<string, string>): string | null {
  const entries: Array<[string, string]> = [];
  for (const [target, from] of Object.entries(mapping)) {
    if (!target.startsWith(EXTRA_PREFIX)) continue;
    const value = text(fields[from]);
    if (value !== null) entries.push([target.slice(EXTRA_PREFIX.length), value]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? JSON.stringify(Object.fromEntries(entries)) : null;
}

/**
 * Maps a source record's fields to Homeroom fields with the district's mapping, trims and
 * validates them. Returns null values (the record is skipped) when a required field is
 * missing or invalid; optional fields that are invalid are dropped with a warning.
 */
export function normalizeFields(
  entity: EntityType,
  sourceId: string,
  fields: RawFields,
  mapping: Record<string, string>,
  problems: NormalizeProblem[],
): Values | null {
  if (sourceId.length > SOURCE_ID_MAX_LENGTH) {
    // Would fail the whole run on MySQL ("Data too long"): one record's problem instead.
    problems.push({
      severity: 'ERROR',
      code: 'SOURCE_ID_TOO_LONG',
      message: `${SINGULAR[entity]} ${quote(sourceId)}: its id has ${sourceId.length} characters, more than the ${SOURCE_ID_MAX_LENGTH} Homeroom can store; it was not synced.`,
    });
    return null;
  }
  const spec = ROSTER_TABLES[entity];
  const values: Values = {};
  let ok = true;
  for (const field of spec.fields) {
    const from = mapping[field];
    let value = field === EXTRA ? extraJson(fields, mapping) : from ? text(fields[from]) : null;
    const required = spec.required.includes(field);
    const label = `${SINGULAR[entity]} ${sourceId}`;
    if (value === null && spec.blankWithIssue?.includes(field)) {
      problems.push({
        severity: 'WARNING',
        code: 'MISSING_NAME',
        message: `${label} has no ${field}${from ? ` (source field "${from}" is blank)` : ''}; it was synced with an empty one.`,
      });
      values[field] = '';
      continue;
    }
    if (value === null) {
      if (required) {
        problems.push({
          severity: 'ERROR',
          code: 'MISSING_REQUIRED_FIELD',
          message: `${label} has no ${field}${from ? ` (source field "${from}" is blank)` : ''}; it was not synced.`,
        });
        ok = false;
      }
      values[field] = null;
      continue;
    }
    let invalid: string | null = null;
    const max = FIELD_MAX_LENGTH[field] ?? 255;
    if (value.length > max) invalid = `${field === EXTRA ? '(the additional fields together) ' : ''}is longer than ${max} characters`;
    else if (spec.dates.includes(field) && !DATE.test(value)) invalid = `${quote(value)} is not a date`;
    else if (field === 'email' && !EMAIL.test(value)) invalid = `${quote(value)} is not an email address`;
    if (invalid) {
      if (required) {
        problems.push({ severity: 'ERROR', code: 'INVALID_VALUE', message: `${label}: ${field} ${invalid}; it was not synced.` });
        ok = false;
      } else {
        problems.push({ severity: 'WARNING', code: 'INVALID_VALUE', message: `${label}: ${field} ${invalid}; the field was left empty.` });
      }
      value = null;
    }
    values[field] = value;
  }
  return ok ? values : null;
}

/** True when [start, end] (either may be open) covers the date; all as YYYY-MM-DD. */
export function coversDate(start: string | null | undefined, end: string | null | undefined, date: string): boolean {
  return (!start || start <= date) && (!end || end >= date);
}

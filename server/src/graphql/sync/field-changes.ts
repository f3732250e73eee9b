import type { FieldChangeType } from './sync-detail.type.js';

const text = (v: unknown): string | null => (v == null || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** A change's before/after maps as one row per field, by field name. */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChangeType[] {
  const b = before ?? {};
  const a = after ?? {};
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return names.map((field) => ({ field, before: text(b[field]), after: text(a[field]) }));
}

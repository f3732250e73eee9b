import type { District } from './district.entity.js';
import type { SourceKind } from './roster-enums.js';

const json = <T>(v: unknown): T | null => (v === null || v === undefined || v === '' ? null : (JSON.parse(String(v)) as T));
const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

/** A district row read without the ORM (`SELECT * FROM district`), as the entity holds it. */
export function districtFromRow(r: Record<string, unknown>): District {
  return {
    id: Number(r.id),
    name: String(r.name),
    sourceKind: String(r.sourceKind) as SourceKind,
    sourceConfigEncrypted: String(r.sourceConfigEncrypted),
    timezone: String(r.timezone),
    schedule: String(r.schedule),
    syncEnabled: Boolean(Number(r.syncEnabled)),
    syncExpiresAt: day(r.syncExpiresAt),
    syncAsOf: day(r.syncAsOf),
    schoolSelection: json<string[]>(r.schoolSelection),
    notifyEmails: json<string[]>(r.notifyEmails),
    notifyProblemsOnly: json<string[]>(r.notifyProblemsOnly),
    resetDeleteThreshold: Number(r.resetDeleteThreshold),
    createdAt: new Date(String(r.createdAt)),
    updatedAt: new Date(String(r.updatedAt)),
  } as District;
}

/** Districts in the order every list shows them: by name. */
export const byDistrictName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

import type { EntityManager } from 'typeorm';
import { ENTITY_TYPES, type EntityType } from '../../roster/roster-enums.js';
import { SyncMode, type RunCounts } from '../sync-enums.js';
import type { PlanStore } from './plan-store.js';

/** A school's share is only judged once this many of its records would go: 1 of 3 sections is no mass deletion. */
export const SCHOOL_GUARD_MIN_DELETES = 10;

const n = (x: number) => x.toLocaleString('en-US');

interface Excess {
  deleted: number;
  of: number;
  what: string;
}

function over(deleted: number, of: number, threshold: number): boolean {
  return deleted > 0 && of > 0 && (deleted / of) * 100 > threshold;
}

async function countsBy(em: EntityManager, sql: string, districtId: number): Promise<Map<string, number>> {
  const rows: Array<{ k: unknown; n: number }> = await em.query(sql, [districtId]);
  return new Map(rows.map((r) => [String(r.k), Number(r.n)]));
}

/**
 * The mass-deletion guard of every run that deletes (Reset, and Edit for enrollments): no
 * entity type, no role of people or enrollments, and no school's sections or enrollments
 * may lose more than the district's threshold percent. Returns why the plan is held, or null.
 */
export async function deleteGuard(
  em: EntityManager,
  store: PlanStore,
  districtId: number,
  mode: SyncMode,
  counts: RunCounts,
  activeBefore: Record<EntityType, number>,
  thresholdPercent: number,
): Promise<string | null> {
  const excess: Excess[] = [];
  for (const entity of ENTITY_TYPES) {
    const deleted = counts[entity].deleted;
    if (over(deleted, activeBefore[entity], thresholdPercent)) excess.push({ deleted, of: activeBefore[entity], what: entity });
  }
  for (const [entity, table] of [
    ['people', 'person'],
    ['enrollments', 'enrollment'],
  ] as const) {
    if (counts[entity].deleted === 0) continue;
    const deleted = await store.deletesBy(entity, 'role');
    const live = await countsBy(em, `SELECT role AS k, COUNT(*) AS n FROM ${table} WHERE districtId = ? AND deletedAt IS NULL GROUP BY role`, districtId);
    for (const [role, d] of deleted) {
      const label = entity === 'people' ? `${role.toLowerCase()}s` : `${role.toLowerCase()} enrollments`;
      if (over(d, live.get(role) ?? 0, thresholdPercent) && !excess.some((e) => e.what === entity))
        excess.push({ deleted: d, of: live.get(role)!, what: label });
    }
  }
  const perSchool: Array<[EntityType, string]> = [
    ['sections', 'SELECT schoolId AS k, COUNT(*) AS n FROM section WHERE districtId = ? AND deletedAt IS NULL GROUP BY schoolId'],
    [
      'enrollments',
      'SELECT s.schoolId AS k, COUNT(*) AS n FROM enrollment e JOIN section s ON s.id = e.sectionId WHERE e.districtId = ? AND e.deletedAt IS NULL GROUP BY s.schoolId',
    ],
  ];
  for (const [entity, sql] of perSchool) {
    if (counts[entity].deleted < SCHOOL_GUARD_MIN_DELETES || excess.some((e) => e.what === entity)) continue;
    const deleted = await store.deletesBy(entity, 'schoolId');
    const live = await countsBy(em, sql, districtId);
    for (const [schoolId, d] of deleted) {
      if (d < SCHOOL_GUARD_MIN_DELETES || !over(d, live.get(schoolId) ?? 0, thresholdPercent)) continue;
      const [school] = await em.query('SELECT name, sourceId FROM school WHERE id = ?', [Number(schoolId)]);
      excess.push({ deleted: d, of: live.get(schoolId)!, what: `${entity} of ${school?.name ?? 'school'} (${school?.sourceId ?? schoolId})` });
    }
  }
  if (excess.length === 0) return null;
  const shown = excess.slice(0, 3).map((e) => `${n(e.deleted)} of ${n(e.of)} ${e.what} (${((e.deleted / e.of) * 100).toFixed(1)}%)`);
  const list = excess.length > 3 ? `${shown.join(', ')} and ${excess.length - 3} more` : shown.join(', ');
  const verb = mode === SyncMode.RESET ? 'Reset refused: it would delete' : 'Held: this export would remove';
  return `${verb} ${list}, above the district's ${thresholdPercent}% safety threshold.`;
}

import { ENTITY_TYPES } from '../roster/roster-enums.js';
import type { SyncPlan } from './engine/sync-plan.js';

/** Why a Reset plan crosses the district's delete threshold, or null when it does not. */
export function resetThresholdError(plan: SyncPlan, thresholdPercent: number): string | null {
  const over: string[] = [];
  for (const entity of ENTITY_TYPES) {
    const { deletes, activeBefore } = plan[entity];
    if (deletes.length === 0 || activeBefore === 0) continue;
    const percent = (deletes.length / activeBefore) * 100;
    if (percent > thresholdPercent) over.push(`${deletes.length} of ${activeBefore} ${entity} (${percent.toFixed(1)}%)`);
  }
  if (over.length === 0) return null;
  return `Reset refused: it would delete ${over.join(', ')}, above the district's ${thresholdPercent}% safety threshold.`;
}

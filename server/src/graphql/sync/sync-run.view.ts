import { ENTITY_TYPES } from '../../roster/roster-enums.js';
import { SyncStatus, type RunCounts } from '../../sync/sync-enums.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import type { EntityCountType } from './sync-run.type.js';

/** A run's counts map as a list: the sync order first, then any other entity keys. */
export function countsList(counts: RunCounts | null): EntityCountType[] {
  if (!counts) return [];
  const known: string[] = [...ENTITY_TYPES];
  const keys = [
    ...known.filter((k) => k in counts),
    ...Object.keys(counts)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  return keys.map((entity) => {
    const c = counts[entity];
    return {
      entity,
      created: c.created ?? 0,
      updated: c.updated ?? 0,
      deleted: c.deleted ?? 0,
      restored: c.restored ?? 0,
      ended: c.ended ?? 0,
      unchanged: c.unchanged ?? 0,
    };
  });
}

/** Progress from 0 to 100: a launched run is done, others report their last progress. */
export function runPercent(run: Pick<SyncRun, 'status' | 'progress'>): number {
  if (run.status === SyncStatus.LAUNCHED) return 100;
  const percent = run.progress?.percent ?? 0;
  return Math.max(0, Math.min(100, percent));
}

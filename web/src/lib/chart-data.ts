import { changedTotal, type EntityCountRow } from './counts.js';
import { durationSeconds } from './format.js';

export interface ChartRun {
  id: string;
  createdAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  status: string;
  dryRun: boolean;
  counts: readonly EntityCountRow[];
}

/** Finished, applied runs oldest first: x = requested time, durations in seconds, changes per action. */
export function runsChartSeries(runs: readonly ChartRun[]) {
  const done = runs
    .filter((r) => r.finishedAt && r.startedAt && !r.dryRun)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id));
  const sum = (r: ChartRun, k: 'created' | 'updated' | 'deleted' | 'restored') => r.counts.reduce((s, c) => s + c[k], 0);
  return {
    times: done.map((r) => r.createdAt),
    ids: done.map((r) => r.id),
    duration: done.map((r) => Math.round((durationSeconds(r.startedAt, r.finishedAt) ?? 0) * 10) / 10),
    created: done.map((r) => sum(r, 'created')),
    updated: done.map((r) => sum(r, 'updated')),
    deleted: done.map((r) => sum(r, 'deleted')),
    restored: done.map((r) => sum(r, 'restored')),
    changed: done.map((r) => changedTotal(r.counts)),
    failed: done.map((r) => r.status === 'FAILED'),
  };
}

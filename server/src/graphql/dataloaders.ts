import DataLoader from 'dataloader';
import type { Course } from '../roster/course.entity.js';
import type { RosterQueryService } from '../roster/roster-query.service.js';
import type { School } from '../roster/school.entity.js';
import type { Term } from '../roster/term.entity.js';

/** Per-request batching of lookups by id (one query per type per tick, not one per row). */
export interface RosterLoaders {
  school: DataLoader<number, School | null>;
  course: DataLoader<number, Course | null>;
  term: DataLoader<number, Term | null>;
}

function byId<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

export function createRosterLoaders(roster: RosterQueryService): RosterLoaders {
  return {
    school: byId((ids) => roster.schoolsByIds(ids)),
    course: byId((ids) => roster.coursesByIds(ids)),
    term: byId((ids) => roster.termsByIds(ids)),
  };
}

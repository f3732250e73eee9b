import DataLoader from 'dataloader';
import type { SyncReportService } from '../sync/sync-report.service.js';
import type { SyncRun } from '../sync/sync-run.entity.js';
import type { CourseRow, PersonRow, RosterReader, SchoolRow, SectionRosterEntry, SectionRow, TermRow } from './roster/roster-reader.service.js';

/** Per-request batching of lookups by id (one query per type per tick, not one per row). */
export interface RosterLoaders {
  school: DataLoader<number, SchoolRow | null>;
  course: DataLoader<number, CourseRow | null>;
  term: DataLoader<number, TermRow | null>;
  person: DataLoader<number, PersonRow | null>;
  section: DataLoader<number, SectionRow | null>;
  /** The live section continuing an ended one (its successor), per section id. */
  sectionSuccessor: DataLoader<number, SectionRow | null>;
  /** Live enrollments (primary teacher first) with their live person, per section id. */
  sectionEnrollments: DataLoader<number, SectionRosterEntry[]>;
  /** School ids of a person. */
  personSchoolIds: DataLoader<number, number[]>;
  /** Sync runs the caller may read (null otherwise), e.g. the runs of a person's changes. */
  run: DataLoader<number, SyncRun | null>;
}

function byId<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

function grouped<T, V>(load: (ids: readonly number[]) => Promise<T[]>, key: (row: T) => number, value: (row: T) => V): DataLoader<number, V[]> {
  return new DataLoader(async (ids) => {
    const groups = new Map<number, V[]>(ids.map((id) => [id, []]));
    for (const row of await load(ids)) groups.get(key(row))?.push(value(row));
    return ids.map((id) => groups.get(id) ?? []);
  });
}

export function createRosterLoaders(roster: RosterReader, reports: SyncReportService): RosterLoaders {
  return {
    school: byId((ids) => roster.schoolsByIds(ids)),
    course: byId((ids) => roster.coursesByIds(ids)),
    term: byId((ids) => roster.termsByIds(ids)),
    person: byId((ids) => roster.peopleByIds(ids)),
    section: byId((ids) => roster.sectionsByIds(ids)),
    sectionSuccessor: new DataLoader(async (ids) => {
      const byPredecessor = new Map<number, SectionRow>();
      // Lowest id first: a restored section could name the same predecessor as a newer one.
      for (const s of (await roster.successorsOf(ids)).sort((a, b) => b.id - a.id)) byPredecessor.set(s.predecessorId!, s);
      return ids.map((id) => byPredecessor.get(id) ?? null);
    }),
    sectionEnrollments: grouped(
      (ids) => roster.enrollmentsOfSections(ids),
      (e) => e.sectionId,
      (e) => e,
    ),
    personSchoolIds: grouped(
      (ids) => roster.schoolIdsOfPeople(ids),
      (ps) => ps.personId,
      (ps) => ps.schoolId,
    ),
    run: byId((ids) => reports.runsByIds(ids)),
  };
}

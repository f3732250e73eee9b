import DataLoader from 'dataloader';
import type { Course } from '../roster/course.entity.js';
import type { Person } from '../roster/person.entity.js';
import type { School } from '../roster/school.entity.js';
import type { Section } from '../roster/section.entity.js';
import type { Term } from '../roster/term.entity.js';
import type { SyncReportService } from '../sync/sync-report.service.js';
import type { SyncRun } from '../sync/sync-run.entity.js';
import type { EnrollmentWithPerson, RosterReader } from './roster/roster-reader.service.js';

/** Per-request batching of lookups by id (one query per type per tick, not one per row). */
export interface RosterLoaders {
  school: DataLoader<number, School | null>;
  course: DataLoader<number, Course | null>;
  term: DataLoader<number, Term | null>;
  person: DataLoader<number, Person | null>;
  section: DataLoader<number, Section | null>;
  /** The live section continuing an ended one (its successor), per section id. */
  sectionSuccessor: DataLoader<number, Section | null>;
  /** Live enrollments (primary teacher first) with their live person, per section id. */
  sectionEnrollments: DataLoader<number, EnrollmentWithPerson[]>;
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
      const byPredecessor = new Map<number, Section>();
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

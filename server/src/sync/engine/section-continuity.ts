import type { EntityManager } from 'typeorm';
import { dialectOf } from './sql-dialect.js';

/**
 * Which rule named a section's predecessor (docs/ARCHITECTURE.md, the life of a sync run). Partner apps carry
 * content and student work from the predecessor to its successor, so a wrong guess is worse
 * than none: both rules stay inside one school, and each ended section continues into at
 * most one new section.
 */
export enum SectionContinuityRule {
  /** Same school, same course, same primary teacher (the same period preferred). */
  SAME_TEACHER = 'SAME_TEACHER',
  /** Same school, same course, same period; another teacher. */
  SAME_PERIOD = 'SAME_PERIOD',
}

/** Pairs matched per statement are chosen by SQL; this only bounds pathological loops. */
const MAX_ROUNDS = 200;

/**
 * Names the most likely predecessor of each section the run created or restored, among the
 * district's ended sections of the same school that continue into nothing yet. Runs once at
 * the end of the apply transaction, when this run's sections, enrollments and ends are all
 * written (the sections ended by this very run are candidates: a rollover ends last year's
 * and creates next year's at once).
 *
 * Set-based on both dialects, so memory stays flat whatever the district's size: each round is
 * one UPDATE joining a derived table of matched pairs. A pair is matched when each side is the
 * other's best candidate in one total order (same period first, then the most recently ended,
 * then ids); the best remaining pair always qualifies, so every round makes progress, and
 * most districts need one or two rounds per rule.
 */
export async function linkSectionPredecessors(em: EntityManager, districtId: number, runId: number): Promise<number> {
  const district = Math.trunc(Number(districtId));
  const run = Math.trunc(Number(runId));
  let linked = 0;
  for (const rule of [SectionContinuityRule.SAME_TEACHER, SectionContinuityRule.SAME_PERIOD]) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const before = await countLinked(em, run);
      await em.query(updateStatement(dialectOf(em), pairsSql(district, run, rule), rule));
      const after = await countLinked(em, run);
      linked += after - before;
      if (after === before) break;
    }
  }
  return linked;
}

/** Sections this run created or restored, from its change record (indexed by run, type, action). */
const runSections = (run: number) =>
  `SELECT c.entityId FROM sync_change c WHERE c.runId = ${run} AND c.entityType = 'sections' AND c.action IN ('CREATE', 'RESTORE') AND c.entityId IS NOT NULL`;

/** A section's primary teacher: the lowest person id among its primary teacher enrollments. */
const primaryTeacher = (section: string, live: boolean) =>
  `(SELECT MIN(e.personId) FROM enrollment e WHERE e.sectionId = ${section}.id AND e.role = 'TEACHER' AND e.\`primary\` = 1 AND e.deletedAt IS NULL${live ? ' AND e.endedAt IS NULL' : ''})`;

async function countLinked(em: EntityManager, run: number): Promise<number> {
  const rows: Array<{ n: number | string }> = await em.query(
    `SELECT COUNT(*) AS n FROM section s WHERE s.predecessorId IS NOT NULL AND s.id IN (${runSections(run)})`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The pairs (newId, oldId) to link in this round under `rule`. */
function pairsSql(district: number, run: number, rule: SectionContinuityRule): string {
  const news = `SELECT s.id, s.schoolId, s.courseId, s.period, COALESCE(s.createdByRunId, 0) AS createdBy, ${primaryTeacher('s', true)} AS teacherId
    FROM section s
    WHERE s.id IN (${runSections(run)}) AND s.predecessorId IS NULL AND s.courseId IS NOT NULL AND s.deletedAt IS NULL AND s.endedAt IS NULL`;
  // An ended section already continued by a live section is taken; a deleted successor (a
  // reverted rollover) frees it again. A section continues only one created before it, so
  // the links never loop (last year's class restored by a sync as of an earlier date does not
  // become the continuation of next year's, which continues it).
  const olds = `SELECT o.id, o.schoolId, o.courseId, o.period, o.endedByRunId, COALESCE(o.createdByRunId, 0) AS createdBy, ${primaryTeacher('o', false)} AS teacherId
    FROM section o
    WHERE o.districtId = ${district} AND o.endedAt IS NOT NULL AND o.deletedAt IS NULL AND o.courseId IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM section x WHERE x.predecessorId = o.id AND x.deletedAt IS NULL)`;
  const match =
    rule === SectionContinuityRule.SAME_TEACHER ? 'n.teacherId IS NOT NULL AND o.teacherId = n.teacherId' : 'n.period IS NOT NULL AND o.period = n.period';
  return `SELECT r.newId, r.oldId FROM (
    SELECT p.newId, p.oldId,
      ROW_NUMBER() OVER (PARTITION BY p.newId ORDER BY p.samePeriod DESC, p.oldRun DESC, p.oldId) AS byNew,
      ROW_NUMBER() OVER (PARTITION BY p.oldId ORDER BY p.samePeriod DESC, p.newId) AS byOld
    FROM (
      SELECT n.id AS newId, o.id AS oldId, COALESCE(o.endedByRunId, 0) AS oldRun,
        CASE WHEN n.period IS NOT NULL AND n.period = o.period THEN 1 ELSE 0 END AS samePeriod
      FROM (${news}) n
      JOIN (${olds}) o ON o.schoolId = n.schoolId AND o.courseId = n.courseId AND o.createdBy < n.createdBy AND ${match}
    ) p
  ) r WHERE r.byNew = 1 AND r.byOld = 1`;
}

function updateStatement(dialect: 'sqlite' | 'mysql', pairs: string, rule: SectionContinuityRule): string {
  // MySQL/MariaDB refuse a subquery on the updated table unless it is a materialized derived
  // table of a multi-table UPDATE (window functions guarantee materialization).
  if (dialect === 'mysql') {
    return `UPDATE section s JOIN (${pairs}) m ON s.id = m.newId SET s.predecessorId = m.oldId, s.predecessorRule = '${rule}', s.updatedAt = s.updatedAt`;
  }
  return `UPDATE section SET predecessorId = m.oldId, predecessorRule = '${rule}' FROM (${pairs}) AS m WHERE section.id = m.newId`;
}

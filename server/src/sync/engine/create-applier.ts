import type { EntityManager } from 'typeorm';
import type { EntityType } from '../../roster/roster-enums.js';
import { ChangeAction } from '../sync-enums.js';
import { q } from './batch-sql.js';
import { CREATE_STAGE_VALUES } from './create-stage.columns.js';
import { PhaseTimer } from './phase-timer.js';
import { ROSTER_TABLES } from './roster-tables.js';
import { dialectOf, type SqlDialect } from './sql-dialect.js';
import { StepPacer } from './step-pacer.js';
import type { StageTables } from './stage-tables.js';

/** Staged rows per statement: bounds how long one statement holds the thread (progress, cancel, heartbeat). */
const SLICE = 20000;

const CHANGE_INSERT = `INSERT INTO sync_change (runId, districtId, entityType, entityId, sourceId, action, ${q('before')}, ${q('after')})`;

/** The change record's `after` of a created record: its staged values, as the planner produced them. */
function afterJson(entity: EntityType): string {
  return `json_object(${CREATE_STAGE_VALUES[entity].map((c) => `'${c}', s.${q(c)}`).join(', ')})`;
}

/** How the change record names a created record: its source id, or section/person/role for an enrollment without one. */
function labelOf(entity: EntityType, dialect: SqlDialect): string {
  if (entity !== 'enrollments') return 'SUBSTR(s.sourceId, 1, 255)';
  const key =
    dialect === 'sqlite' ? "s.sectionSourceId || '/' || s.personSourceId || '/' || s.role" : "CONCAT(s.sectionSourceId, '/', s.personSourceId, '/', s.role)";
  return `SUBSTR(COALESCE(s.sourceId, ${key}), 1, 255)`;
}

/** Live rows of the district a staged record refers to by source id. */
const live = (alias: string, table: string, column: string) =>
  `${table} ${alias} ON ${alias}.districtId = :district AND ${alias}.sourceId = s.${column} AND ${alias}.deletedAt IS NULL`;

/** The roster columns an INSERT … SELECT writes, and the expressions (over stage `s` and its joins) it reads them from. */
function insertSelect(entity: EntityType, join: string): { columns: string[]; values: string[]; joins: string } {
  const fields = ROSTER_TABLES[entity].fields;
  const base = { columns: ['districtId', 'sourceId', 'createdByRunId', 'lastSeenRunId'], values: [':district', 's.sourceId', ':run', ':run'] };
  switch (entity) {
    case 'people':
      return { columns: [...base.columns, ...fields, 'role'], values: [...base.values, ...fields.map((f) => `s.${q(f)}`), 's.role'], joins: '' };
    case 'sections':
      return {
        columns: [...base.columns, ...fields, 'schoolId', 'courseId', 'termId'],
        values: [...base.values, ...fields.map((f) => `s.${q(f)}`), 'sc.id', 'co.id', 'te.id'],
        joins: `${join} ${live('sc', 'school', 'schoolSourceId')} LEFT JOIN ${live('co', 'course', 'courseSourceId')} LEFT JOIN ${live('te', 'term', 'termSourceId')}`,
      };
    case 'enrollments':
      return {
        columns: [...base.columns, 'sectionId', 'personId', 'role', 'primary', 'beginDate', 'endDate'],
        values: [...base.values, 'se.id', 'p.id', 's.role', `CASE WHEN s.${q('primary')} = 'true' THEN 1 ELSE 0 END`, 's.beginDate', 's.endDate'],
        joins: `${join} ${live('se', 'section', 'sectionSourceId')} ${join} ${live('p', 'person', 'personSourceId')}`,
      };
    default:
      return { columns: [...base.columns, ...fields], values: [...base.values, ...fields.map((f) => `s.${q(f)}`)], joins: '' };
  }
}

/**
 * The staged rows drive every join (each probe a unique-key lookup), in the order written.
 * MySQL/MariaDB may otherwise scan a roster table and probe the unindexed stage for every
 * row (STRAIGHT_JOIN); SQLite scanned all of the district's sections for every slice and
 * sorted the result (it never reorders a CROSS JOIN): twice the time of the insert itself.
 */
const stageFirst = (em: EntityManager) => (dialectOf(em) === 'mysql' ? 'STRAIGHT_JOIN ' : '');
const innerJoin = (em: EntityManager) => (dialectOf(em) === 'mysql' ? 'JOIN' : 'CROSS JOIN');

/** Binds named parameters (:district, :run, :lo, :hi) positionally, as both drivers take `?`. */
function bind(sql: string, params: Record<string, number>): [string, number[]] {
  const values: number[] = [];
  const text = sql.replace(/:(district|run|lo|hi)\b/g, (_, name: string) => {
    values.push(params[name]);
    return '?';
  });
  return [text, values];
}

/**
 * The SQL expression of each staged row's created id when a slice's rows got consecutive ids,
 * one per staged row (so the n-th staged row has the n-th id), else null. When the slice's
 * seqs have no gap (the usual case) the id is plain arithmetic on seq; MySQL/MariaDB would
 * otherwise sort the slice in a temporary table for ROW_NUMBER().
 */
async function createdIdExpression(em: EntityManager, table: string, stage: string, top: number, params: Record<string, number>): Promise<string | null> {
  const [made] = await em.query(
    ...bind(`SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(*) AS n FROM ${table} WHERE id > ${top} AND createdByRunId = :run`, params),
  );
  const [staged] = await em.query(...bind(`SELECT COUNT(*) AS n FROM ${stage} WHERE seq > :lo AND seq <= :hi`, params));
  const n = Number(made.n);
  if (n === 0 || n !== Number(staged.n) || Number(made.hi) - Number(made.lo) + 1 !== n) return null;
  const first = Number(made.lo);
  return n === params.hi - params.lo ? `s.seq + ${first - params.lo - 1}` : `${first - 1} + ROW_NUMBER() OVER (ORDER BY s.seq)`;
}

async function seqBounds(db: EntityManager, table: string): Promise<{ min: number; max: number }> {
  const [r] = await db.query(`SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM ${table}`);
  return r?.lo === null || r?.lo === undefined ? { min: 1, max: 0 } : { min: Number(r.lo), max: Number(r.hi) };
}

/** Runs `each(lo, hi)` over a staged table's seq range in slices. */
async function inSlices(db: EntityManager, table: string, pacer: StepPacer, each: (lo: number, hi: number) => Promise<void>): Promise<void> {
  const { min, max } = await seqBounds(db, table);
  for (let lo = min - 1; lo < max; lo += SLICE) {
    await each(lo, Math.min(max, lo + SLICE));
    await pacer.pause();
  }
}

/**
 * Creates the staged records of an entity type inside the apply transaction with set-based
 * SQL (references resolved by source id to live rows, including ones created earlier in the
 * transaction), with their schools for people, and writes one CREATE row per record to the
 * change record.
 */
export async function applyCreates(
  em: EntityManager,
  tables: StageTables,
  entity: EntityType,
  ids: { districtId: number; runId: number },
  onProgress?: (written: number) => void,
  timer = new PhaseTimer(),
  pacer = new StepPacer(null),
): Promise<void> {
  const stage = tables.creates[entity];
  const table = ROSTER_TABLES[entity].table;
  const join = innerJoin(em);
  const { columns, values, joins } = insertSelect(entity, join);
  const params = { district: ids.districtId, run: ids.runId };
  // The created row of each staged record: by source id, or for enrollments by section, person and role.
  const created =
    entity === 'enrollments'
      ? `${joins} ${join} enrollment t ON t.sectionId = se.id AND t.personId = p.id AND t.role = s.role`
      : `${join} ${table} t ON t.districtId = :district AND t.sourceId = s.sourceId`;
  let written = 0;
  await inSlices(em, stage, pacer, async (lo, hi) => {
    const range = 'WHERE s.seq > :lo AND s.seq <= :hi ORDER BY s.seq';
    const [{ top }] = await em.query(`SELECT COALESCE(MAX(id), 0) AS top FROM ${table}`);
    await timer.time(`apply.create.${entity}`, () =>
      em.query(
        ...bind(`INSERT INTO ${table} (${columns.map(q).join(', ')}) SELECT ${stageFirst(em)}${values.join(', ')} FROM ${stage} s ${joins} ${range}`, {
          ...params,
          lo,
          hi,
        }),
      ),
    );
    const ranked = await timer.time(`apply.createdIds.${entity}`, () => createdIdExpression(em, table, stage, Number(top), { ...params, lo, hi }));
    // Each staged row got the next id, in seq order: its id is its rank. Otherwise (a row
    // whose reference did not resolve, or ids another writer interleaved) find each by its key.
    const id = ranked ?? 't.id';
    await timer.time(`apply.createChanges.${entity}`, () =>
      em.query(
        ...bind(
          `${CHANGE_INSERT} SELECT ${stageFirst(em)}:run, :district, '${entity}', ${id}, ${labelOf(entity, dialectOf(em))}, '${ChangeAction.CREATE}', NULL, ${afterJson(entity)} FROM ${stage} s ${ranked === null ? created : ''} ${range}`,
          { ...params, lo, hi },
        ),
      ),
    );
    written += hi - lo;
    onProgress?.(written);
  });
  if (entity !== 'people') return;
  const linked = performance.now();
  await inSlices(em, tables.links, pacer, async (lo, hi) => {
    await em.query(
      ...bind(
        `INSERT INTO person_school (personId, schoolId, districtId) SELECT ${stageFirst(em)}p.id, sc.id, :district FROM ${tables.links} l ` +
          `${join} person p ON p.districtId = :district AND p.sourceId = l.personSourceId ${join} school sc ON sc.districtId = :district AND sc.sourceId = l.schoolSourceId AND sc.deletedAt IS NULL ` +
          'WHERE l.seq > :lo AND l.seq <= :hi',
        { ...params, lo, hi },
      ),
    );
  });
  timer.add('apply.create.personSchools', performance.now() - linked);
}

/** A dry run's (or held run's) CREATE rows: what would be created, without ids. */
export async function writeCreatesAsChanges(
  em: EntityManager,
  tables: StageTables,
  entity: EntityType,
  ids: { districtId: number; runId: number },
  pacer = new StepPacer(null),
): Promise<void> {
  const stage = tables.creates[entity];
  await inSlices(em, stage, pacer, async (lo, hi) => {
    await em.query(
      ...bind(
        `${CHANGE_INSERT} SELECT :run, :district, '${entity}', NULL, ${labelOf(entity, dialectOf(em))}, '${ChangeAction.CREATE}', NULL, ${afterJson(entity)} FROM ${stage} s WHERE s.seq > :lo AND s.seq <= :hi ORDER BY s.seq`,
        { district: ids.districtId, run: ids.runId, lo, hi },
      ),
    );
  });
}

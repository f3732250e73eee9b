import type { EntityManager } from 'typeorm';
import type { EntityType } from '../../roster/roster-enums.js';
import { inChunks } from './batch-sql.js';
import { ROSTER_TABLES } from './roster-tables.js';
import { enrollmentKey, type ExistingRecord, type Values } from './sync-plan.js';

/**
 * Reads a district's existing records in bounded lists (by source id or by row id), as the
 * planner compares them: scalar fields plus references as source ids.
 */
const q = (c: string) => `\`${c}\``;

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Row ids by source id for one table of the district (deleted rows too unless `liveOnly`). */
export async function idsBySourceId(db: EntityManager, districtId: number, table: string, sourceIds: string[], liveOnly = false): Promise<Map<string, number>> {
  const rows: Array<{ id: number; sourceId: string }> = await inChunks([...new Set(sourceIds)], (list) =>
    db.query(`SELECT id, sourceId FROM ${table} WHERE districtId = ? AND sourceId IN (${list.sql})${liveOnly ? ' AND deletedAt IS NULL' : ''}`, [
      districtId,
      ...list.params,
    ]),
  );
  return new Map(rows.map((r) => [String(r.sourceId), Number(r.id)]));
}

/** Schools, terms, courses, people or sections of the district with these source ids (or row ids). */
export async function findExisting(
  db: EntityManager,
  districtId: number,
  entity: Exclude<EntityType, 'enrollments'>,
  by: 'sourceId' | 'id',
  list: Array<string | number>,
): Promise<ExistingRecord[]> {
  if (list.length === 0) return [];
  const spec = ROSTER_TABLES[entity];
  const cols = spec.fields.map((f) => `t.${q(f)}`);
  let joins = '';
  if (entity === 'people') cols.push('t.role');
  if (entity === 'sections') {
    cols.push('t.schoolId', 'sc.sourceId AS schoolSourceId', 'co.sourceId AS courseSourceId', 'te.sourceId AS termSourceId');
    joins = 'JOIN school sc ON sc.id = t.schoolId LEFT JOIN course co ON co.id = t.courseId LEFT JOIN term te ON te.id = t.termId';
  }
  const select = `SELECT t.id, t.sourceId, t.deletedAt, t.endedAt, ${cols.join(', ')} FROM ${spec.table} t ${joins}`;
  const rows: Array<Record<string, unknown>> = await inChunks(list, (values) =>
    // By id: the primary key alone (a districtId condition could make the planner scan the district).
    by === 'id'
      ? db.query(`${select} WHERE t.id IN (${values.sql})`, values.params)
      : db.query(`${select} WHERE t.districtId = ? AND t.sourceId IN (${values.sql})`, [districtId, ...values.params]),
  );
  const records = rows.map((r): ExistingRecord => {
    const values: Values = {};
    for (const f of spec.fields) values[f] = str(r[f]);
    if (entity === 'people') values.role = str(r.role);
    if (entity === 'sections') {
      values.schoolSourceId = str(r.schoolSourceId);
      values.courseSourceId = str(r.courseSourceId);
      values.termSourceId = str(r.termSourceId);
    }
    return {
      id: Number(r.id),
      key: String(r.sourceId),
      sourceId: str(r.sourceId),
      deleted: r.deletedAt !== null,
      ended: r.endedAt !== null,
      values,
      schoolId: entity === 'sections' ? Number(r.schoolId) : null,
      role: entity === 'people' ? str(r.role) : null,
    };
  });
  if (entity === 'people') await attachSchools(db, records);
  return records;
}

/** A person's schools are compared as their sorted source ids joined by commas. */
async function attachSchools(db: EntityManager, people: ExistingRecord[]): Promise<void> {
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const p of people) p.values.schools = '';
  const links: Array<{ personId: number; sourceId: string }> = await inChunks([...byId.keys()], (list) =>
    db.query(
      `SELECT ps.personId, s.sourceId FROM person_school ps JOIN school s ON s.id = ps.schoolId WHERE ps.personId IN (${list.sql}) ORDER BY s.sourceId`,
      list.params,
    ),
  );
  for (const l of links) {
    const values = byId.get(Number(l.personId))!.values;
    values.schools = values.schools ? `${values.schools},${l.sourceId}` : String(l.sourceId);
  }
}

function enrollmentRecord(r: Record<string, unknown>, section: string, person: string, schoolId: number | null): ExistingRecord {
  return {
    id: Number(r.id),
    key: enrollmentKey(section, person, String(r.role)),
    sourceId: str(r.sourceId),
    deleted: r.deletedAt !== null,
    ended: r.endedAt !== null,
    values: { primary: Number(r.isPrimary) ? 'true' : 'false', beginDate: str(r.beginDate), endDate: str(r.endDate) },
    schoolId,
    role: String(r.role),
  };
}

const ENROLLMENT_COLUMNS = `e.id, e.sourceId, e.sectionId, e.personId, e.role, e.${q('primary')} AS isPrimary, e.beginDate, e.endDate, e.deletedAt, e.endedAt`;

/** Existing enrollments among the given section/person pairs, by enrollment key. */
export async function findExistingEnrollments(
  db: EntityManager,
  districtId: number,
  sectionIds: Map<string, number>,
  personIds: Map<string, number>,
): Promise<Map<string, ExistingRecord>> {
  const found = new Map<string, ExistingRecord>();
  if (sectionIds.size === 0 || personIds.size === 0) return found;
  const sectionOf = new Map([...sectionIds].map(([s, id]) => [id, s]));
  const personOf = new Map([...personIds].map(([p, id]) => [id, p]));
  // By whichever side the batch names fewer of (source files come sorted by section or by
  // person); an IN on both columns made SQLite probe every pair.
  const bySection = sectionIds.size <= personIds.size;
  const column = bySection ? 'sectionId' : 'personId';
  const rows: Array<Record<string, unknown>> = await inChunks([...(bySection ? sectionIds : personIds).values()], (list) =>
    db.query(`SELECT ${ENROLLMENT_COLUMNS} FROM enrollment e WHERE e.${column} IN (${list.sql})`, list.params),
  );
  for (const r of rows) {
    const section = sectionOf.get(Number(r.sectionId));
    const person = personOf.get(Number(r.personId));
    if (section === undefined || person === undefined) continue;
    const rec = enrollmentRecord(r, section, person, null);
    found.set(rec.key, rec);
  }
  return found;
}

/** Enrollments by row id, with their section's school and source ids (for planned deletions). */
export async function enrollmentsByIds(db: EntityManager, districtId: number, ids: number[]): Promise<ExistingRecord[]> {
  if (ids.length === 0) return [];
  const rows: Array<Record<string, unknown>> = await inChunks(ids, (list) =>
    db.query(
      `SELECT ${ENROLLMENT_COLUMNS}, s.sourceId AS sectionSourceId, s.schoolId, p.sourceId AS personSourceId FROM enrollment e ` +
        `JOIN section s ON s.id = e.sectionId JOIN person p ON p.id = e.personId WHERE e.id IN (${list.sql})`,
      list.params,
    ),
  );
  return rows.map((r) => enrollmentRecord(r, String(r.sectionSourceId), String(r.personSourceId), Number(r.schoolId)));
}

/** Smallest and largest row id of the district's table (the planner's bitmap bounds). */
export async function idRange(db: EntityManager, districtId: number, table: string): Promise<{ min: number; max: number }> {
  const [r] = await db.query(`SELECT MIN(id) AS lo, MAX(id) AS hi FROM ${table} WHERE districtId = ?`, [districtId]);
  return r?.lo === null || r?.lo === undefined ? { min: 1, max: 0 } : { min: Number(r.lo), max: Number(r.hi) };
}

export async function countLive(db: EntityManager, districtId: number, table: string): Promise<number> {
  const [r] = await db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE districtId = ? AND deletedAt IS NULL`, [districtId]);
  return Number(r.n);
}

/** Ids of the district's live rows within the given [first, last] ranges, in ascending order, `size` at a time (keyset paging). */
export async function* liveIdsWithin(
  db: EntityManager,
  districtId: number,
  table: string,
  ranges: Iterable<[number, number]>,
  size = 20000,
): AsyncGenerator<number[]> {
  for (const [first, last] of ranges) {
    let after = first - 1;
    for (;;) {
      const rows: Array<{ id: number }> = await db.query(
        `SELECT id FROM ${table} WHERE districtId = ? AND id > ? AND id <= ? AND deletedAt IS NULL ORDER BY id LIMIT ${size}`,
        [districtId, after, last],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => Number(r.id));
      yield ids;
      if (rows.length < size) break;
      after = ids[ids.length - 1];
    }
  }
}

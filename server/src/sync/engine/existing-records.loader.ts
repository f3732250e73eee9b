import type { DataSource } from 'typeorm';
import type { EntityType } from '../../roster/roster-enums.js';
import { ROSTER_TABLES } from './roster-tables.js';
import type { ExistingRecord, Values } from './sync-plan.js';

const q = (c: string) => `\`${c}\``;

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

// A control character cannot occur in a trimmed source id, so keys split back unambiguously.
const SEP = '\u001f';

export function enrollmentKey(sectionSourceId: string, personSourceId: string, role: string): string {
  return `${sectionSourceId}${SEP}${personSourceId}${SEP}${role}`;
}

export function sectionOfEnrollmentKey(key: string): string {
  return key.slice(0, key.indexOf(SEP));
}

const CHUNK = 20000;

/**
 * Reads a district's rows in id order, CHUNK at a time, so no huge result array is ever
 * held. `idColumn` is the qualified id the query filters on with `> ?` (keyset paging).
 */
async function* chunks(ds: DataSource, idColumn: string, sql: (afterId: number) => [string, unknown[]]): AsyncGenerator<Array<Record<string, unknown>>> {
  let after = 0;
  for (;;) {
    const [query, params] = sql(after);
    const rows: Array<Record<string, unknown>> = await ds.query(`${query} ORDER BY ${idColumn} LIMIT ${CHUNK}`, params);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < CHUNK) return;
    after = Number(rows[rows.length - 1].id);
  }
}

async function sourceIdsById(ds: DataSource, table: string, districtId: number): Promise<Map<number, string>> {
  const rows: Array<{ id: number; sourceId: string }> = await ds.query(`SELECT id, sourceId FROM ${table} WHERE districtId = ?`, [districtId]);
  return new Map(rows.map((r) => [Number(r.id), String(r.sourceId)]));
}

/** Loads a district's records of one type (deleted ones too) keyed the way the planner keys source records. */
export async function loadExisting(ds: DataSource, districtId: number, entity: EntityType): Promise<Map<string, ExistingRecord>> {
  const map = new Map<string, ExistingRecord>();
  if (entity === 'enrollments') {
    // Single-table chunks (keyset on the district index needs no sort); the section and person
    // source ids come from two small maps instead of a join MariaDB would sort per chunk.
    const sections = await sourceIdsById(ds, 'section', districtId);
    const people = await sourceIdsById(ds, 'person', districtId);
    const pages = chunks(ds, 'id', (after) => [
      `SELECT id, sourceId, sectionId, personId, role, ${q('primary')} AS isPrimary, beginDate, endDate, deletedAt FROM enrollment WHERE districtId = ? AND id > ?`,
      [districtId, after],
    ]);
    for await (const rows of pages) for (const r of rows) {
      const sec = sections.get(Number(r.sectionId));
      const per = people.get(Number(r.personId));
      if (sec === undefined || per === undefined) continue;
      map.set(enrollmentKey(sec, per, String(r.role)), {
        id: Number(r.id),
        sourceId: str(r.sourceId),
        deleted: r.deletedAt !== null,
        values: { primary: Number(r.isPrimary) ? 'true' : 'false', beginDate: str(r.beginDate), endDate: str(r.endDate) },
      });
    }
    return map;
  }
  const spec = ROSTER_TABLES[entity];
  const cols = spec.fields.map((f) => `t.${q(f)}`);
  let joins = '';
  if (entity === 'people') cols.push('t.role');
  if (entity === 'sections') {
    cols.push('sc.sourceId AS schoolSourceId', 'co.sourceId AS courseSourceId', 'te.sourceId AS termSourceId');
    joins = 'JOIN school sc ON sc.id = t.schoolId LEFT JOIN course co ON co.id = t.courseId LEFT JOIN term te ON te.id = t.termId';
  }
  const pages = chunks(ds, 't.id', (after) => [
    `SELECT t.id, t.sourceId, t.deletedAt, ${cols.join(', ')} FROM ${spec.table} t ${joins} WHERE t.districtId = ? AND t.id > ?`,
    [districtId, after],
  ]);
  const byId = new Map<number, Values>();
  for await (const rows of pages) for (const r of rows) {
    const values: Values = {};
    for (const f of spec.fields) values[f] = str(r[f]);
    if (entity === 'people') values.role = str(r.role);
    if (entity === 'sections') {
      values.schoolSourceId = str(r.schoolSourceId);
      values.courseSourceId = str(r.courseSourceId);
      values.termSourceId = str(r.termSourceId);
    }
    const rec: ExistingRecord = { id: Number(r.id), sourceId: str(r.sourceId), deleted: r.deletedAt !== null, values };
    map.set(String(r.sourceId), rec);
    byId.set(rec.id, values);
  }
  if (entity === 'people') {
    const links: Array<{ personId: number; sourceId: string }> = await ds.query(
      'SELECT ps.personId, s.sourceId FROM person_school ps JOIN school s ON s.id = ps.schoolId WHERE ps.districtId = ? ORDER BY s.sourceId',
      [districtId],
    );
    for (const values of byId.values()) values.schools = '';
    for (const l of links) {
      const values = byId.get(Number(l.personId));
      if (values) values.schools = values.schools ? `${values.schools},${l.sourceId}` : String(l.sourceId);
    }
  }
  return map;
}

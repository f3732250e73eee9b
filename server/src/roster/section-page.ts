import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalidCursor } from '../errors.js';
import type { Page, PageRequest } from './keyset-page.js';
import { sameName } from './roster-order.js';
import type { RowMapper } from './roster-rows.js';

/**
 * A keyset page of sections in the roster order (school name, section name, id) that never
 * sorts the district's sections. ORDER BY across the school join made MariaDB copy and sort
 * every section of the district for each page (5 ms of database CPU a page at 1,400 sections,
 * growing with the district). Here the schools are read in name order (a district has few),
 * and sections are read for a few schools at a time (one school: straight from the
 * (schoolId, name) index), so a page sorts at most the sections of the schools it covers. Schools of the same name form one
 * group, whose sections interleave by name as the join order had them.
 *
 * `query` is the filtered section query on alias `sec`; `schoolId` narrows to one school.
 * The schools read on the way (`schoolMapper`'s rows, every school of the district, removed
 * ones too) come with the page: a caller that shows each section's school needs no other
 * statement for them.
 */
export async function pageSectionsBySchool<T extends ObjectLiteral, S extends ObjectLiteral & { id: number; name: string }>(
  ds: DataSource,
  query: SelectQueryBuilder<ObjectLiteral>,
  mapper: RowMapper<T>,
  schoolMapper: RowMapper<S>,
  page: PageRequest,
  districtId: number,
  schoolId: number | null,
): Promise<Page<T> & { schools: S[] }> {
  const counted = query.clone();
  const nocase = ds.options.type === 'better-sqlite3' ? ' COLLATE NOCASE' : '';
  const schools = schoolId != null ? [] : await schoolsInOrder(ds, schoolMapper, districtId, nocase);
  const groups = schoolId != null ? [[schoolId]] : groupSameNames(schools);
  let start = 0;
  let after: { name: string; id: number } | null = null;
  if (page.afterId != null) {
    const [at] = await ds.query<Array<{ schoolId: number; name: string }>>('SELECT schoolId, name FROM section WHERE id = ? AND districtId = ?', [
      page.afterId,
      districtId,
    ]);
    if (!at) throw invalidCursor();
    start = groups.findIndex((g) => g.includes(Number(at.schoolId)));
    if (start < 0) return { nodes: [], hasNextPage: false, totalCount: () => count(counted), schools };
    after = { name: at.name, id: page.afterId };
  }
  const wanted = page.first + 1;
  const rows: T[] = [];
  // Schools hold tens of sections or more: a first statement over one school per 20 sections
  // wanted usually fills the page; each next one covers twice as many schools as the last.
  // (After a cursor, the first statement covers the cursor's school alone: the keyset is its own.)
  for (
    let g = start, span = after ? 1 : Math.ceil(wanted / 20);
    g < groups.length && rows.length < wanted;
    g += span, span = Math.max(span * 2, Math.ceil(wanted / 20))
  ) {
    const covered = groups.slice(g, g + span);
    const qb = query.clone().andWhere('sec.schoolId IN (:...groupSchools)', { groupSchools: covered.flat() });
    if (after && g === start) {
      qb.andWhere(`(sec.name${nocase} > :afterName${nocase} OR (sec.name${nocase} = :afterName${nocase} AND sec.id > :afterId))`, {
        afterName: after.name,
        afterId: after.id,
      });
    }
    if (covered.length > 1) {
      // Groups in school-name order: a CASE over a few ids, sorted with the few sections they hold.
      const rank = covered.flatMap((ids, i) => ids.map((id) => `WHEN ${Number(id)} THEN ${i}`)).join(' ');
      qb.orderBy(`CASE sec.schoolId ${rank} END`, 'ASC').addOrderBy(`sec.name${nocase}`, 'ASC');
    } else qb.orderBy(`sec.name${nocase}`, 'ASC');
    rows.push(...(await mapper.many(qb.addOrderBy('sec.id', 'ASC').limit(wanted - rows.length), 'sec')));
  }
  return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: () => count(counted), schools };
}

/** The district's schools in name order. */
async function schoolsInOrder<S extends ObjectLiteral>(ds: DataSource, mapper: RowMapper<S>, districtId: number, nocase: string): Promise<S[]> {
  const rows = await ds.query<Array<Record<string, unknown>>>(
    `SELECT ${mapper.selectList('s')} FROM school s WHERE s.districtId = ? ORDER BY s.name${nocase}, s.id`,
    [districtId],
  );
  return rows.map((r) => mapper.map(r));
}

/** School ids in name order, schools of the same name together. */
function groupSameNames(schools: ReadonlyArray<{ id: number; name: string }>): number[][] {
  const groups: number[][] = [];
  let last: string | null = null;
  for (const s of schools) {
    if (last !== null && sameName(last, s.name)) groups[groups.length - 1].push(Number(s.id));
    else groups.push([Number(s.id)]);
    last = s.name;
  }
  return groups;
}

async function count(qb: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  return Number((await qb.select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
}

import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalidCursor } from '../errors.js';
import type { Page, PageRequest } from './keyset-page.js';
import type { RowMapper } from './roster-rows.js';
import { School } from './school.entity.js';

/**
 * The one order of roster lists (people, sections, schools), used by every list the API
 * serves: the dashboard's roster pages and search results, its CSV exports (which page
 * through the same connections), partner reads, and a section's teachers and students.
 *
 * - people: family name, given name, then id
 * - sections: school name, section name, then id
 * - schools: name, then id
 *
 * Names compare case-insensitively: MySQL/MariaDB's utf8mb4 collations already do, SQLite
 * is told to (COLLATE NOCASE). Terms, courses and enrollments stay in id order.
 */
export interface RosterOrder {
  /** SQL expressions on the list's aliases, compared in this order; the row id breaks ties. */
  keys(alias: string): string[];
  /** Joins the keys need (a section's school). */
  join?(qb: SelectQueryBuilder<ObjectLiteral>, alias: string): void;
}

export const PEOPLE_ORDER: RosterOrder = { keys: (a) => [`${a}.familyName`, `${a}.givenName`] };
export const SCHOOL_ORDER: RosterOrder = { keys: (a) => [`${a}.name`] };
export const SECTION_ORDER: RosterOrder = {
  keys: (a) => [`${a}_school.name`, `${a}.name`],
  join: (qb, a) => void qb.innerJoin(School, `${a}_school`, `${a}_school.id = ${a}.schoolId`),
};

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** Names the roster order cannot tell apart (case and accents aside). */
export const sameName = (a: string, b: string) => byName.compare(a, b) === 0;

/** The people order in JavaScript, for lists sorted after reading (a section's roster). */
export function comparePeople(a: { familyName: string; givenName: string; id: number }, b: { familyName: string; givenName: string; id: number }): number {
  return byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName) || a.id - b.id;
}

const nocaseOf = (ds: DataSource) => (ds.options.type === 'better-sqlite3' ? ' COLLATE NOCASE' : '');

/** Orders a whole (unpaged) list of `alias` rows in `order` (e.g. a person's sections). */
export function orderRows<Q extends ObjectLiteral>(
  ds: DataSource,
  qb: SelectQueryBuilder<Q>,
  order: RosterOrder,
  alias: string,
  idColumn = `${alias}.id`,
): SelectQueryBuilder<Q> {
  const nocase = nocaseOf(ds);
  order.join?.(qb as SelectQueryBuilder<ObjectLiteral>, alias);
  order.keys(alias).forEach((k, i) => (i === 0 ? qb.orderBy(`${k}${nocase}`, 'ASC') : qb.addOrderBy(`${k}${nocase}`, 'ASC')));
  return qb.addOrderBy(idColumn, 'ASC');
}

/**
 * A keyset page in `order`. The cursor stays the row id (opaque to clients): the cursor
 * row's keys are read first, and must belong to the same district (else BAD_USER_INPUT,
 * like a cursor that names nothing). A row deleted since still marks its place.
 */
export async function pageInOrder<T extends ObjectLiteral>(
  ds: DataSource,
  qb: SelectQueryBuilder<ObjectLiteral>,
  mapper: RowMapper<T>,
  page: PageRequest,
  order: RosterOrder,
  districtId: number,
): Promise<Page<T>> {
  const alias = qb.alias;
  const counted = qb.clone();
  const nocase = nocaseOf(ds);
  const keys = order.keys(alias);
  if (page.afterId != null) {
    const at = await cursorKeys(qb, order, keys, page.afterId, districtId);
    // (The predicate names joined keys; orderRows adds the join below, before the query runs.)
    // k1 >= v1 first, so MySQL can range-scan the index; then the exact keyset predicate.
    qb.andWhere(`${keys[0]}${nocase} >= :k0${nocase}`, { k0: at[0] });
    let predicate = `${alias}.id > :afterId`;
    keys.forEach((_, i) => {
      const k = keys.length - 1 - i;
      predicate = `(${keys[k]}${nocase} > :k${k}${nocase} OR (${keys[k]}${nocase} = :k${k}${nocase} AND ${predicate}))`;
    });
    qb.andWhere(predicate, { afterId: page.afterId, ...Object.fromEntries(at.map((v, i) => [`k${i}`, v])) });
  }
  const rows = await mapper.many(orderRows(ds, qb, order, alias).limit(page.first + 1), alias);
  return {
    nodes: rows.slice(0, page.first),
    hasNextPage: rows.length > page.first,
    totalCount: async () => Number((await counted.select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0),
  };
}

async function cursorKeys(qb: SelectQueryBuilder<ObjectLiteral>, order: RosterOrder, keys: string[], id: number, districtId: number): Promise<unknown[]> {
  const alias = qb.alias;
  const q = qb.connection.createQueryBuilder().from(qb.expressionMap.mainAlias!.target, alias);
  order.join?.(q, alias);
  keys.forEach((k, i) => (i === 0 ? q.select(k, `k${i}`) : q.addSelect(k, `k${i}`)));
  const row = await q.where(`${alias}.id = :id AND ${alias}.districtId = :districtId`, { id, districtId }).getRawOne<Record<string, unknown>>();
  if (!row) throw invalidCursor();
  return keys.map((_, i) => row[`k${i}`]);
}

import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A slice of rows in key order: `first` rows after the row with id `afterId`. */
export interface PageRequest {
  first: number;
  afterId?: number | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  /** A number, or a count run only when someone reads it. */
  totalCount: number | (() => Promise<number>);
}

/**
 * Keyset pagination on an id-ordered query: fetches one row more than asked to learn
 * whether another page follows; the whole (unpaged) set is counted only if asked for.
 */
export async function pageById<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageRequest): Promise<Page<T>> {
  const alias = qb.alias;
  const counted = qb.clone();
  if (page.afterId != null) qb.andWhere(`${alias}.id > :afterId`, { afterId: page.afterId });
  const rows = await qb
    .orderBy(`${alias}.id`, 'ASC')
    .take(page.first + 1)
    .getMany();
  return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: () => counted.getCount() };
}

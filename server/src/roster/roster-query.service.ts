import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Course } from './course.entity.js';
import { School } from './school.entity.js';
import { Term } from './term.entity.js';

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

/** Read-only roster lookups for the API: live rows only (soft-deleted rows are left out). */
export class RosterQueryService {
  constructor(private readonly ds: DataSource) {}

  /** By id, deleted or not (a section still names the school it belonged to). */
  async schoolsByIds(ids: readonly number[]): Promise<School[]> {
    return ids.length
      ? this.ds
          .getRepository(School)
          .createQueryBuilder('s')
          .whereInIds([...ids])
          .getMany()
      : [];
  }

  async coursesByIds(ids: readonly number[]): Promise<Course[]> {
    return ids.length
      ? this.ds
          .getRepository(Course)
          .createQueryBuilder('c')
          .whereInIds([...ids])
          .getMany()
      : [];
  }

  async termsByIds(ids: readonly number[]): Promise<Term[]> {
    return ids.length
      ? this.ds
          .getRepository(Term)
          .createQueryBuilder('t')
          .whereInIds([...ids])
          .getMany()
      : [];
  }
}

import type { DataSource } from 'typeorm';
import { SyncRun } from '../sync/sync-run.entity.js';
import type { Page, PageRequest } from './roster-query.service.js';

/**
 * Sync history for the API, newest first (createdAt desc, then id desc: SQLite keeps
 * createdAt to the second). The cursor is the id of the last run seen.
 */
export class SyncRunQueryService {
  constructor(private readonly ds: DataSource) {}

  async pageRuns(filter: { districtId?: number | null }, page: PageRequest): Promise<Page<SyncRun>> {
    const qb = this.ds.getRepository(SyncRun).createQueryBuilder('run');
    if (filter.districtId != null) qb.where('run.districtId = :districtId', { districtId: filter.districtId });
    const counted = qb.clone();
    if (page.afterId != null) {
      // The cursor run's createdAt is read in SQL, so no Date crosses the driver boundary.
      const at = '(SELECT c.createdAt FROM sync_run c WHERE c.id = :afterId)';
      qb.andWhere(`(run.createdAt < ${at} OR (run.createdAt = ${at} AND run.id < :afterId))`, { afterId: page.afterId });
    }
    const [rows, totalCount] = await Promise.all([
      qb.orderBy('run.createdAt', 'DESC').addOrderBy('run.id', 'DESC').take(page.first + 1).getMany(),
      counted.getCount(),
    ]);
    return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
  }

  findRun(id: number): Promise<SyncRun | null> {
    return this.ds.getRepository(SyncRun).findOneBy({ id });
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import type { DistrictScope } from '../auth/viewer.js';
import { notFound } from '../errors.js';
import { District } from './district.entity.js';

/**
 * The one way services reach a district by id. On behalf of a caller, a district that does
 * not exist and one outside the caller's scope fail alike (NOT_FOUND "District 7 was not
 * found"), so an answer never confirms that a district exists.
 */
export class DistrictRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** A district the caller may read. */
  async getReadable(scope: DistrictScope, id: number): Promise<District> {
    scope.assertRead(id);
    return this.getOrNotFound(id);
  }

  /** A district the caller may change. */
  async getWritable(scope: DistrictScope, id: number): Promise<District> {
    scope.assertWrite(id);
    return this.getOrNotFound(id);
  }

  /** The districts the caller may read, by name (then id). */
  listReadable(scope: DistrictScope): Promise<District[]> {
    const qb = this.db.getRepository(District).createQueryBuilder('d');
    const ids = scope.districtIds;
    if (ids) qb.where(ids.length ? 'd.id IN (:...ids)' : '1 = 0', { ids });
    return qb.orderBy('d.name', 'ASC').addOrderBy('d.id', 'ASC').getMany();
  }

  /** Without a caller (jobs, emails, the executor): null when it no longer exists. */
  findById(id: number): Promise<District | null> {
    return this.db.getRepository(District).findOneBy({ id });
  }

  private async getOrNotFound(id: number): Promise<District> {
    const district = await this.findById(id);
    if (!district) throw notFound(`District ${id}`);
    return district;
  }
}

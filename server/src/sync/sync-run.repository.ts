import type { DataSource, EntityManager } from 'typeorm';
import type { DistrictScope } from '../auth/viewer.js';
import { notFound } from '../errors.js';
import { SyncRun } from './sync-run.entity.js';

/**
 * The one way services reach a sync run by id on behalf of a caller: a run that does not
 * exist and one of a district outside the caller's scope fail alike (NOT_FOUND).
 */
export class SyncRunRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** A run of a district the caller may read. */
  async getReadable(scope: DistrictScope, id: number): Promise<SyncRun> {
    const run = await this.findById(id);
    if (!run || !scope.canRead(run.districtId)) throw notFound(`Sync run ${id}`);
    return run;
  }

  /** A run of a district the caller may change (cancel, revert). */
  async getWritable(scope: DistrictScope, id: number): Promise<SyncRun> {
    const run = await this.findById(id);
    if (!run || !scope.canWrite(run.districtId)) throw notFound(`Sync run ${id}`);
    return run;
  }

  /** Without a caller: null when there is no such run. */
  findById(id: number): Promise<SyncRun | null> {
    return this.db.getRepository(SyncRun).findOneBy({ id });
  }
}

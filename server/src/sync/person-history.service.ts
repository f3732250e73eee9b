import type { DataSource } from 'typeorm';
import { invalidCursor, notFound } from '../errors.js';
import type { DistrictScope } from '../auth/viewer.js';
import { Enrollment } from '../roster/enrollment.entity.js';
import { Person } from '../roster/person.entity.js';
import type { Page, PageRequest } from '../roster/keyset-page.js';
import { SyncChange } from './sync-change.entity.js';

/** A change of the person, or of one of their enrollments (with the section it was in). */
export type PersonChange = SyncChange & { sectionId: number | null };

/**
 * One person's history across runs: the change record's rows for the person and for every
 * enrollment they ever had ("when did this student leave section X, and which run did it?").
 * Applied runs only (a preview's plan is not history), newest first.
 *
 * Reads stay index-bound on a big district: the person's enrollments by IDX_enrollment_person
 * (deleted and ended ones too), then the change rows by IDX_sync_change_entity
 * (districtId, entityType, entityId); only the person's own rows are sorted.
 */
export class PersonHistoryService {
  constructor(
    private readonly ds: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  async pageChanges(districtId: number, personId: number, page: PageRequest): Promise<Page<PersonChange>> {
    this.scope.assertRead(districtId);
    if (!(await this.ds.getRepository(Person).existsBy({ id: personId, districtId }))) throw notFound(`Person ${personId}`);
    const enrollments = await this.ds
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .select(['e.id', 'e.sectionId'])
      .where('e.personId = :personId AND e.districtId = :districtId', { personId, districtId })
      .getMany();
    const sectionOf = new Map(enrollments.map((e) => [e.id, e.sectionId]));

    // Previews left out by a subquery, not a join: joined, MariaDB starts from the district's runs and
    // scans every run's enrollment changes (IDX_sync_change_run_entity) instead of this person's rows.
    const qb = this.ds
      .getRepository(SyncChange)
      .createQueryBuilder('c')
      .where('c.districtId = :districtId', { districtId })
      .andWhere('c.runId NOT IN (SELECT r.id FROM sync_run r WHERE r.districtId = :districtId AND r.dryRun = :dry)', { dry: true });
    const own = "(c.entityType = 'people' AND c.entityId = :personId)";
    if (sectionOf.size)
      qb.andWhere(`(${own} OR (c.entityType = 'enrollments' AND c.entityId IN (:...enrollmentIds)))`, { personId, enrollmentIds: [...sectionOf.keys()] });
    else qb.andWhere(own, { personId });
    const counted = qb.clone();
    if (page.afterId != null) {
      // The cursor must be one of this person's changes, like any other cursor that names nothing.
      if (!(await qb.clone().andWhere('c.id = :afterId', { afterId: page.afterId }).getExists())) throw invalidCursor();
      qb.andWhere('c.id < :afterId', { afterId: page.afterId });
    }
    const rows = await qb
      .orderBy('c.id', 'DESC')
      .limit(page.first + 1)
      .getMany();
    return {
      nodes: rows
        .slice(0, page.first)
        .map((c) => Object.assign(c, { sectionId: c.entityType === 'enrollments' && c.entityId != null ? (sectionOf.get(c.entityId) ?? null) : null })),
      hasNextPage: rows.length > page.first,
      totalCount: () => counted.getCount(),
    };
  }
}

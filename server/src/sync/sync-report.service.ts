import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { DistrictScope } from '../auth/viewer.js';
import { pageById, type Page, type PageRequest } from '../roster/keyset-page.js';
import { Person } from '../roster/person.entity.js';
import { Section } from '../roster/section.entity.js';
import type { PersonRole } from '../roster/roster-enums.js';
import { ChangeAction, type IssueSeverity, type SyncStatus, type SyncTrigger } from './sync-enums.js';
import { SyncChange } from './sync-change.entity.js';
import { SyncIssue } from './sync-issue.entity.js';
import { SyncRun } from './sync-run.entity.js';
import { invalidCursor } from '../errors.js';
import { SyncRunRepository } from './sync-run.repository.js';

export interface RunFilter {
  districtId?: number | null;
  status?: SyncStatus[] | null;
  trigger?: SyncTrigger[] | null;
  /** Runs created at or after this moment. */
  from?: Date | null;
  /** Runs created before this moment. */
  to?: Date | null;
  /** true: only previews (dry runs); false: only runs that applied. */
  dryRun?: boolean | null;
}

export interface ChangeFilter {
  entityType?: string | null;
  action?: ChangeAction | null;
}

export interface IssueFilter {
  entityType?: string | null;
  code?: string | null;
  severity?: IssueSeverity | null;
  sourceId?: string | null;
}

/** Sync history for API callers: runs, their changes, plans, issues and new people, within the caller's scope. */
export class SyncReportService {
  constructor(
    private readonly ds: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  /** Newest first (createdAt, then id: SQLite keeps seconds only). */
  async pageRuns(filter: RunFilter, page: PageRequest): Promise<Page<SyncRun>> {
    const qb = this.ds.getRepository(SyncRun).createQueryBuilder('run');
    const ids = this.scope.districtIds;
    if (ids) qb.andWhere(ids.length ? 'run.districtId IN (:...ids)' : '1 = 0', { ids });
    if (filter.districtId != null) qb.andWhere('run.districtId = :districtId', { districtId: filter.districtId });
    if (filter.status?.length) qb.andWhere('run.status IN (:...status)', { status: filter.status });
    if (filter.trigger?.length) qb.andWhere('run.trigger IN (:...trigger)', { trigger: filter.trigger });
    if (filter.dryRun != null) qb.andWhere('run.dryRun = :dryRun', { dryRun: filter.dryRun });
    if (filter.from) qb.andWhere('run.createdAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('run.createdAt < :to', { to: filter.to });
    const counted = qb.clone();
    if (page.afterId != null) {
      // The cursor's run must be one this query could have returned: a run of another
      // district (or filtered out) is refused exactly like an id that does not exist, so
      // the answer never tells whether it exists.
      if (!(await qb.clone().andWhere('run.id = :afterId', { afterId: page.afterId }).getExists())) throw invalidCursor();
      // (Compared in SQL: SQLite keeps createdAt as text that a bound Date would not match.)
      const at = '(SELECT c.createdAt FROM sync_run c WHERE c.id = :afterId)';
      qb.andWhere(`(run.createdAt < ${at} OR (run.createdAt = ${at} AND run.id < :afterId))`, { afterId: page.afterId });
    }
    const [rows, totalCount] = await Promise.all([
      qb
        .orderBy('run.createdAt', 'DESC')
        .addOrderBy('run.id', 'DESC')
        .take(page.first + 1)
        .getMany(),
      counted.getCount(),
    ]);
    return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
  }

  /** NOT_FOUND when missing or outside the caller's districts. */
  async getRun(id: number): Promise<SyncRun> {
    return new SyncRunRepository(this.ds).getReadable(this.scope, id);
  }

  /** Runs by id, those outside the caller's districts left out (one statement). */
  async runsByIds(ids: readonly number[]): Promise<SyncRun[]> {
    if (!ids.length) return [];
    const runs = await this.ds
      .getRepository(SyncRun)
      .createQueryBuilder('run')
      .whereInIds([...ids])
      .getMany();
    return runs.filter((r) => this.scope.canRead(r.districtId));
  }

  /** The change log: updates and restores of a real run, or the whole plan of a dry run. */
  pageChanges(run: SyncRun, filter: ChangeFilter, page: PageRequest): Promise<Page<SyncChange>> {
    this.scope.assertRead(run.districtId, `Sync run ${run.id}`);
    const qb = this.ds.getRepository(SyncChange).createQueryBuilder('change').where('change.runId = :runId', { runId: run.id });
    if (filter.entityType) qb.andWhere('change.entityType = :entityType', { entityType: filter.entityType });
    if (filter.action) qb.andWhere('change.action = :action', { action: filter.action });
    return pageById(qb, page);
  }

  pageIssues(run: SyncRun, filter: IssueFilter, page: PageRequest): Promise<Page<SyncIssue>> {
    this.scope.assertRead(run.districtId, `Sync run ${run.id}`);
    const qb = this.ds.getRepository(SyncIssue).createQueryBuilder('issue').where('issue.runId = :runId', { runId: run.id });
    this.filterIssues(qb, filter);
    return pageById(qb, page);
  }

  /** People the run created (for a dry run: none; see its plan's CREATE rows instead). */
  pageCreatedPeople(run: SyncRun, role: PersonRole, page: PageRequest): Promise<Page<Person>> {
    this.scope.assertRead(run.districtId, `Sync run ${run.id}`);
    const qb = this.ds
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.districtId = :districtId AND person.createdByRunId = :runId AND person.role = :role', { districtId: run.districtId, runId: run.id, role });
    return pageById(qb, page);
  }

  /**
   * Sections this run created or restored that continue an ended section (section
   * continuity): the rollover report's "carried over" list. By section id.
   */
  pageSectionLinks(run: SyncRun, page: PageRequest): Promise<Page<Section>> {
    this.scope.assertRead(run.districtId, `Sync run ${run.id}`);
    const qb = this.ds
      .getRepository(Section)
      .createQueryBuilder('section')
      .where('section.districtId = :districtId AND section.predecessorId IS NOT NULL', { districtId: run.districtId })
      .andWhere(
        `section.id IN (SELECT c.entityId FROM sync_change c WHERE c.runId = :runId AND c.entityType = 'sections' AND c.action IN ('CREATE', 'RESTORE'))`,
        { runId: run.id },
      );
    return pageById(qb, page);
  }

  private filterIssues(qb: SelectQueryBuilder<SyncIssue>, filter: IssueFilter): void {
    if (filter.entityType) qb.andWhere('issue.entityType = :entityType', { entityType: filter.entityType });
    if (filter.code) qb.andWhere('issue.code = :code', { code: filter.code });
    if (filter.severity) qb.andWhere('issue.severity = :severity', { severity: filter.severity });
    if (filter.sourceId) qb.andWhere('issue.sourceId = :sourceId', { sourceId: filter.sourceId });
  }
}

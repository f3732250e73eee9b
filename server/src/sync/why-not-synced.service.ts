import type { DataSource } from 'typeorm';
import type { DistrictScope } from '../auth/viewer.js';
import { Person } from '../roster/person.entity.js';
import { School } from '../roster/school.entity.js';
import { Section } from '../roster/section.entity.js';
import { SyncStatus, SyncTrigger } from './sync-enums.js';
import { SyncIssue } from './sync-issue.entity.js';
import { SyncRun } from './sync-run.entity.js';
import { ValidationError } from '../errors.js';
import { escapeLike } from '../db/like-pattern.js';
import { DistrictRepository } from '../roster/district.repository.js';

export enum SyncPresence {
  /** It is in the roster. */
  SYNCED = 'SYNCED',
  /** It was synced once and has been removed (soft-deleted). */
  DELETED = 'DELETED',
  /** The last run saw it and left it out; `issues` say why. */
  NOT_SYNCED = 'NOT_SYNCED',
  /** Neither the roster nor the last run knows it. */
  UNKNOWN = 'UNKNOWN',
}

export interface WhyNotSyncedAnswer {
  presence: SyncPresence;
  entityType: string | null;
  sourceId: string | null;
  explanation: string;
  runId: number | null;
  issues: SyncIssue[];
}

type Found = {
  entityType: 'people' | 'schools' | 'sections';
  sourceId: string;
  label: string;
  deletedAt: Date | null;
  deletedByRunId: number | null;
  lastSeenRunId: number | null;
};

/** Explains, from the roster and the last run's issues and filters, why a person, section or school is (not) synced. */
export class WhyNotSyncedService {
  constructor(
    private readonly ds: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  async explain(districtId: number, query: { sourceId?: string | null; email?: string | null }): Promise<WhyNotSyncedAnswer> {
    // Only to check the caller may read this district (NOT_FOUND otherwise); the answer needs no district fields.
    await new DistrictRepository(this.ds).getReadable(this.scope, districtId);
    const sourceId = query.sourceId?.trim() || null;
    const email = query.email?.trim().toLowerCase() || null;
    if (!sourceId && !email) throw new ValidationError('Give a sourceId or an email');
    const what = sourceId ? `source id ${sourceId}` : `email ${email}`;

    const found = await this.findRecord(districtId, sourceId, email);
    const run = await this.ds.getRepository(SyncRun).findOne({
      where: [
        { districtId, dryRun: false, status: SyncStatus.LAUNCHED, trigger: SyncTrigger.MANUAL },
        { districtId, dryRun: false, status: SyncStatus.LAUNCHED, trigger: SyncTrigger.SCHEDULED },
        { districtId, dryRun: false, status: SyncStatus.LAUNCHED, trigger: SyncTrigger.ROLLOVER },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    // Someone the last run left out (a teacher assigned only to the district) is named by email in its issue.
    const key = found?.sourceId ?? sourceId ?? (run && email ? await this.sourceIdInIssues(run.id, email) : null);
    const issues = run && key ? await this.ds.getRepository(SyncIssue).find({ where: { runId: run.id, sourceId: key }, order: { id: 'ASC' } }) : [];
    const base = { entityType: found?.entityType ?? issues[0]?.entityType ?? null, sourceId: key, runId: run?.id ?? null, issues };

    if (found && !found.deletedAt) {
      return {
        ...base,
        presence: SyncPresence.SYNCED,
        explanation: `${found.label} is in the roster${found.lastSeenRunId ? ` (last seen by run ${found.lastSeenRunId})` : ''}.`,
      };
    }
    if (found) {
      const by = found.deletedByRunId ? ` by run ${found.deletedByRunId}` : '';
      const why = issues.length
        ? ` The last sync reported: ${issues.map((i) => i.message).join(' ')}`
        : ' A Reset removes what the source no longer shares; a revert of that run restores it.';
      return { ...base, presence: SyncPresence.DELETED, explanation: `${found.label} was removed from the roster${by}.${why}` };
    }
    if (!run) {
      return { ...base, presence: SyncPresence.UNKNOWN, explanation: `Nothing with ${what} is in the roster, and the district has not completed a sync yet.` };
    }
    if (issues.length) {
      return { ...base, presence: SyncPresence.NOT_SYNCED, explanation: issues.map((i) => i.message).join(' ') };
    }
    const hint =
      email && !sourceId
        ? ' Issues name records by their source id: ask again with the source id to see what the last sync reported.'
        : ' Check the id in the source system, or that the source shares this record with Homeroom.';
    return {
      ...base,
      presence: SyncPresence.UNKNOWN,
      explanation: `Nothing with ${what} is in the roster, and the last sync (run ${run.id}) reported no issue about it.${hint}`,
    };
  }

  /** The source id of the person whose issue in this run names the email: "(T-12, tom@example.org)". */
  private async sourceIdInIssues(runId: number, email: string): Promise<string | null> {
    const pattern = `%, ${escapeLike(email)})%`;
    const issue = await this.ds
      .getRepository(SyncIssue)
      .createQueryBuilder('i')
      .where("i.runId = :runId AND i.entityType = 'people' AND LOWER(i.message) LIKE :pattern ESCAPE '!'", { runId, pattern })
      .orderBy('i.id', 'ASC')
      .getOne();
    return issue?.sourceId ?? null;
  }

  private async findRecord(districtId: number, sourceId: string | null, email: string | null): Promise<Found | null> {
    const qb = this.ds.getRepository(Person).createQueryBuilder('p').where('p.districtId = :districtId', { districtId });
    if (sourceId) qb.andWhere('p.sourceId = :sourceId', { sourceId });
    else qb.andWhere('LOWER(p.email) = :email', { email });
    const person = await qb.orderBy('p.deletedAt', 'ASC').addOrderBy('p.id', 'ASC').getOne();
    if (person) {
      const who = person.role === 'TEACHER' ? 'Teacher' : 'Student';
      return { entityType: 'people', label: `${who} ${person.givenName} ${person.familyName} (${person.sourceId})`, ...person };
    }
    if (!sourceId) return null;
    const section = await this.ds.getRepository(Section).findOneBy({ districtId, sourceId });
    if (section) return { entityType: 'sections', label: `Section ${section.name} (${sourceId})`, ...section };
    const school = await this.ds.getRepository(School).findOneBy({ districtId, sourceId });
    if (school) return { entityType: 'schools', label: `School ${school.name} (${sourceId})`, ...school };
    return null;
  }
}

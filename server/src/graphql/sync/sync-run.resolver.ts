import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { District } from '../../roster/district.entity.js';
import { PersonRole } from '../../roster/roster-enums.js';
import { SyncStatus } from '../../sync/sync-enums.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import type { GraphQLContext } from '../context.js';
import { ChangeAction, IssueSeverity, SyncStatus as SyncStatusEnum, SyncTrigger } from '../enums.js';
import { idArg, optionalId } from '../ids.js';
import { ConnectionArgs, toConnection, toPageRequest } from '../pagination/connection.js';
import { DistrictType } from '../roster/district.type.js';
import { PersonConnection, SectionConnection } from '../roster/roster-connections.js';
import { DateTime } from '../scalars.js';
import { SyncChangeConnection, SyncIssueConnection } from './sync-detail.type.js';
import { countsList, runPercent } from './sync-run.view.js';
import { EntityCountType, IssueCountType, SyncRunConnection, SyncRunType } from './sync-run.type.js';

@ArgsType()
class SyncRunsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only runs of this district.' })
  districtId?: string | null;

  @Field(() => [SyncStatusEnum], { nullable: true, description: 'Only runs with one of these statuses.' })
  status?: SyncStatus[] | null;

  @Field(() => [SyncTrigger], { nullable: true, description: 'Only runs started this way.' })
  trigger?: SyncTrigger[] | null;

  @Field(() => DateTime, { nullable: true, description: 'Only runs requested at or after this moment.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Only runs requested before this moment.' })
  to?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only previews (dry runs); false: only runs that changed the roster.' })
  dryRun?: boolean | null;
}

@ArgsType()
class ChangeArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only this entity type (schools, terms, courses, people, sections, enrollments).' })
  entityType?: string | null;

  @Field(() => ChangeAction, { nullable: true, description: 'Only this action.' })
  action?: ChangeAction | null;
}

@ArgsType()
class IssueArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only this entity type.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this issue code, e.g. TEACHER_NO_SCHOOL.' })
  code?: string | null;

  @Field(() => IssueSeverity, { nullable: true, description: 'Only errors or only warnings.' })
  severity?: IssueSeverity | null;
}

/** Sync history: admin users only (support sees all districts, district admins their own). */
@Authorized(Permission.ADMIN)
@Resolver(() => SyncRunType)
export class SyncRunResolver {
  @Query(() => SyncRunConnection, { description: 'Sync runs the caller may see, newest first (admins only).' })
  async syncRuns(@Args() args: SyncRunsArgs, @Ctx() ctx: GraphQLContext) {
    const page = toPageRequest(args);
    const filter = { districtId: optionalId(args.districtId), status: args.status, trigger: args.trigger, from: args.from, to: args.to, dryRun: args.dryRun };
    return toConnection(await ctx.syncReports.pageRuns(filter, page));
  }

  @Query(() => SyncRunType, { description: 'One run; NOT_FOUND when it does not exist or is outside the caller’s scope.' })
  syncRun(@Arg('id', () => ID, { description: 'Run id.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<SyncRun> {
    return ctx.syncReports.getRun(idArg(id, 'Sync run'));
  }

  @FieldResolver(() => DistrictType, { description: 'The district synced.' })
  district(@Root() run: SyncRun, @Ctx() ctx: GraphQLContext): Promise<District> {
    return ctx.roster.getDistrict(run.districtId);
  }

  @FieldResolver(() => [EntityCountType], { description: 'Per entity type: created, updated, deleted, restored, ended, unchanged (once finished).' })
  counts(@Root() run: SyncRun): EntityCountType[] {
    return countsList(run.counts);
  }

  @FieldResolver(() => [IssueCountType], { description: 'Issues per code.' })
  issueCounts(@Root() run: SyncRun): IssueCountType[] {
    return Object.entries(run.issueCounts ?? {})
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }

  @FieldResolver(() => Float, { description: 'Progress from 0 to 100.' })
  percent(@Root() run: SyncRun): number {
    return runPercent(run);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Estimated seconds left while the run is in progress.' })
  etaSeconds(@Root() run: SyncRun): number | null {
    return run.status === SyncStatus.IN_PROGRESS ? (run.progress?.etaSeconds ?? null) : null;
  }

  @FieldResolver(() => SyncChangeConnection, {
    description: 'The change log: updated and restored records of an applied run, or every planned record of a dry run.',
  })
  async changes(@Root() run: SyncRun, @Args() args: ChangeArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.syncReports.pageChanges(run, args, toPageRequest(args)));
  }

  @FieldResolver(() => SyncChangeConnection, {
    nullable: true,
    description: 'For a dry run: the exact records it would create, update, restore and delete (filter by action). Null for applied runs.',
  })
  async plan(@Root() run: SyncRun, @Args() args: ChangeArgs, @Ctx() ctx: GraphQLContext) {
    if (!run.dryRun) return null;
    return toConnection(await ctx.syncReports.pageChanges(run, args, toPageRequest(args)));
  }

  @FieldResolver(() => SyncIssueConnection, { description: 'Problems found with source records, in the order found.' })
  async issues(@Root() run: SyncRun, @Args() args: IssueArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.syncReports.pageIssues(run, args, toPageRequest(args)));
  }

  @FieldResolver(() => PersonConnection, { description: 'Teachers this run created (a dry run’s are in plan(entityType: "people", action: CREATE)).' })
  async newTeachers(@Root() run: SyncRun, @Args() args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.syncReports.pageCreatedPeople(run, PersonRole.TEACHER, toPageRequest(args)));
  }

  @FieldResolver(() => SectionConnection, {
    description:
      'Sections this run created or restored that continue an ended section of the same school (each node’s predecessor and predecessorRule say which and why): what a rollover or term change carried over. Empty for dry runs.',
  })
  async sectionLinks(@Root() run: SyncRun, @Args() args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.syncReports.pageSectionLinks(run, toPageRequest(args)));
  }

  @FieldResolver(() => PersonConnection, { description: 'Students this run created.' })
  async newStudents(@Root() run: SyncRun, @Args() args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.syncReports.pageCreatedPeople(run, PersonRole.STUDENT, toPageRequest(args)));
  }
}

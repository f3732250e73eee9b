import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import type { GraphQLContext } from '../context.js';
import { parseId } from '../ids.js';
import { ConnectionArgs, toConnection, toPageRequest } from '../pagination/connection.js';
import { countsList, runPercent } from './sync-run.view.js';
import { EntityCountType, SyncRunConnection, SyncRunType } from './sync-run.type.js';

@Resolver(() => SyncRunType)
export class SyncRunResolver {
  @Query(() => SyncRunConnection, { description: 'Sync runs, newest first; all districts unless districtId is given.' })
  async syncRuns(
    @Arg('districtId', () => ID, { nullable: true }) districtId: string | null | undefined,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = toPageRequest(args);
    const id = districtId == null ? null : parseId(districtId);
    if (districtId != null && id == null) return toConnection({ nodes: [], hasNextPage: false, totalCount: 0 });
    return toConnection(await ctx.syncRuns.pageRuns({ districtId: id }, page));
  }

  @FieldResolver(() => [EntityCountType])
  counts(@Root() run: SyncRun): EntityCountType[] {
    return countsList(run.counts);
  }

  @FieldResolver(() => Float, { description: 'Progress from 0 to 100.' })
  percent(@Root() run: SyncRun): number {
    return runPercent(run);
  }
}

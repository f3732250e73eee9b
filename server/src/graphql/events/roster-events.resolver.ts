import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { District } from '../../roster/district.entity.js';
import { DEFAULT_EVENT_PAGE, MAX_EVENT_PAGE, RosterEventKind } from '../../sync/events/roster-event.service.js';
import type { GraphQLContext } from '../context.js';
import { idArg } from '../ids.js';
import { DistrictType } from '../roster/district.type.js';
import { fieldChanges } from '../sync/field-changes.js';
import { RosterEventConnection } from './roster-event.type.js';

@ArgsType()
class RosterEventArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Continue after this cursor (an endCursor or district.latestEventCursor); omit to start at the oldest kept event.',
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Most events to return (default ${DEFAULT_EVENT_PAGE}, at most ${MAX_EVENT_PAGE}).` })
  first?: number | null;

  @Field(() => [RosterEventKind], { nullable: true, description: 'Only these event types (default: all).' })
  types?: RosterEventKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these entity types: schools, terms, courses, people, sections, enrollments (default: all).' })
  entityTypes?: string[] | null;
}

/** The partner change feed; the service applies the district scope and the cursor rules. */
@Authorized()
@Resolver(() => DistrictType)
export class RosterEventsResolver {
  @Query(() => RosterEventConnection, {
    description:
      'What launched syncs changed in a district’s roster, oldest first: created, updated, deleted, restored and ended records, reverts included, previews never. Resume with pageInfo.endCursor. A cursor older than the retention window answers CURSOR_EXPIRED.',
  })
  async rosterEvents(
    @Arg('districtId', () => ID, { description: 'District id.' }) districtId: string,
    @Args() args: RosterEventArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RosterEventConnection> {
    const page = await ctx.rosterEvents.page(idArg(districtId, 'District'), {
      after: args.after,
      first: args.first,
      kinds: args.types,
      entityTypes: args.entityTypes,
    });
    return {
      edges: page.events.map((e) => ({
        cursor: e.cursor,
        node: {
          id: e.id,
          type: e.action as RosterEventKind,
          entityType: e.entityType,
          entityId: e.entityId,
          sourceId: e.sourceId,
          runId: e.runId,
          occurredAt: e.createdAt,
          fields: fieldChanges(e.before, e.after),
        },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @FieldResolver(() => String, {
    description: 'Where the change feed ends now: read it before a full pull of the roster, then follow rosterEvents(after:) from it.',
  })
  latestEventCursor(@Root() d: District, @Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.rosterEvents.latestCursor(d.id);
  }
}

import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { District } from '../../roster/district.entity.js';
import type { GraphQLContext } from '../context.js';
import { PersonRole } from '../enums.js';
import { ConnectionArgs, toConnection, toPageRequest } from '../pagination/connection.js';
import { parseId } from '../ids.js';
import { DistrictType } from './district.type.js';
import { PersonConnection, SchoolConnection, SectionConnection } from './roster-connections.js';

@ArgsType()
class PeopleArgs extends ConnectionArgs {
  @Field(() => PersonRole, { nullable: true, description: 'Only people of this role.' })
  role?: PersonRole | null;
}

@Resolver(() => DistrictType)
export class DistrictResolver {
  @Query(() => [DistrictType], { description: 'All districts, by name.' })
  districts(@Ctx() ctx: GraphQLContext): Promise<District[]> {
    return ctx.roster.listDistricts();
  }

  @Query(() => DistrictType, { nullable: true, description: 'One district, or null when there is none with this id.' })
  district(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<District | null> {
    const districtId = parseId(id);
    return districtId == null ? Promise.resolve(null) : ctx.roster.findDistrict(districtId);
  }

  @FieldResolver(() => SchoolConnection, { description: 'Live (not deleted) schools, by id.' })
  async schools(@Root() district: District, @Args() args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.pageSchools(district.id, toPageRequest(args)));
  }

  @FieldResolver(() => SectionConnection, { description: 'Live (not deleted) sections, by id.' })
  async sections(@Root() district: District, @Args() args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.pageSections(district.id, toPageRequest(args)));
  }

  @FieldResolver(() => PersonConnection, { description: 'Live (not deleted) students and teachers, by id.' })
  async people(@Root() district: District, @Args() args: PeopleArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.pagePeople(district.id, { ...toPageRequest(args), role: args.role }));
  }
}

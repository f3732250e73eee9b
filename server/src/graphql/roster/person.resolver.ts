import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Person } from '../../roster/person.entity.js';
import type { School } from '../../roster/school.entity.js';
import type { GraphQLContext } from '../context.js';
import { PersonType } from './person.type.js';
import { SchoolType } from './school.type.js';

@Authorized()
@Resolver(() => PersonType)
export class PersonResolver {
  @FieldResolver(() => [SchoolType], { description: 'The synced schools the person belongs to.' })
  async schools(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<School[]> {
    const ids = await ctx.loaders.personSchoolIds.load(person.id);
    const schools = await ctx.loaders.school.loadMany(ids);
    return schools.filter((s): s is School => s != null && !(s instanceof Error));
  }
}

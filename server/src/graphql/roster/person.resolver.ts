import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Enrollment } from '../../roster/enrollment.entity.js';
import type { Person } from '../../roster/person.entity.js';
import type { School } from '../../roster/school.entity.js';
import type { GraphQLContext } from '../context.js';
import { EnrollmentType } from './enrollment.type.js';
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

  @FieldResolver(() => [EnrollmentType], {
    description: 'The person’s sections (enrollments), by school name, section name, then id; removed ones are in `changes`.',
  })
  enrollments(
    @Root() person: Person,
    @Arg('includeEnded', () => Boolean, { nullable: true, description: 'Also ended enrollments and enrollments in ended sections (default false).' })
    includeEnded: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Enrollment[]> {
    return ctx.roster.enrollmentsOfPerson(person.districtId, person.id, includeEnded ?? false);
  }
}

import type { EnrollmentRow, PersonRow, SchoolRow } from './roster-reader.service.js';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { EnrollmentType } from './enrollment.type.js';
import { PersonType } from './person.type.js';
import { SchoolType } from './school.type.js';

@Authorized()
@Resolver(() => PersonType)
export class PersonResolver {
  @FieldResolver(() => [SchoolType], { description: 'The synced schools the person belongs to.' })
  async schools(@Root() person: PersonRow, @Ctx() ctx: GraphQLContext): Promise<SchoolRow[]> {
    const ids = await ctx.loaders.personSchoolIds.load(person.id);
    const schools = await ctx.loaders.school.loadMany(ids);
    return schools.filter((s): s is SchoolRow => s != null && !(s instanceof Error));
  }

  @FieldResolver(() => [EnrollmentType], {
    description: 'The person’s sections (enrollments), by school name, section name, then id; removed ones are in `changes`.',
  })
  enrollments(
    @Root() person: PersonRow,
    @Arg('includeEnded', () => Boolean, { nullable: true, description: 'Also ended enrollments and enrollments in ended sections (default false).' })
    includeEnded: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentRow[]> {
    return ctx.roster.enrollmentsOfPerson(person.districtId, person.id, includeEnded ?? false);
  }
}

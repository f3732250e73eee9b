import type { EnrollmentRow, PersonRow, SectionRow } from './roster-reader.service.js';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { EnrollmentType } from './enrollment.type.js';
import { PersonType } from './person.type.js';
import { SectionType } from './section.type.js';

@Authorized()
@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  @FieldResolver(() => SectionType, { description: 'The section.' })
  async section(@Root() e: EnrollmentRow, @Ctx() ctx: GraphQLContext): Promise<SectionRow> {
    const section = await ctx.loaders.section.load(e.sectionId);
    if (!section) throw new Error(`Section ${e.sectionId} of enrollment ${e.id} is missing`);
    return section;
  }

  @FieldResolver(() => PersonType, { description: 'The student or teacher.' })
  async person(@Root() e: EnrollmentRow, @Ctx() ctx: GraphQLContext): Promise<PersonRow> {
    const person = await ctx.loaders.person.load(e.personId);
    if (!person) throw new Error(`Person ${e.personId} of enrollment ${e.id} is missing`);
    return person;
  }
}

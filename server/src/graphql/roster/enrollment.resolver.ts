import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Enrollment } from '../../roster/enrollment.entity.js';
import type { Person } from '../../roster/person.entity.js';
import type { Section } from '../../roster/section.entity.js';
import type { GraphQLContext } from '../context.js';
import { EnrollmentType } from './enrollment.type.js';
import { PersonType } from './person.type.js';
import { SectionType } from './section.type.js';

@Authorized()
@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  @FieldResolver(() => SectionType, { description: 'The section.' })
  async section(@Root() e: Enrollment, @Ctx() ctx: GraphQLContext): Promise<Section> {
    const section = await ctx.loaders.section.load(e.sectionId);
    if (!section) throw new Error(`Section ${e.sectionId} of enrollment ${e.id} is missing`);
    return section;
  }

  @FieldResolver(() => PersonType, { description: 'The student or teacher.' })
  async person(@Root() e: Enrollment, @Ctx() ctx: GraphQLContext): Promise<Person> {
    const person = await ctx.loaders.person.load(e.personId);
    if (!person) throw new Error(`Person ${e.personId} of enrollment ${e.id} is missing`);
    return person;
  }
}

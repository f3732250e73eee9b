import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Course } from '../../roster/course.entity.js';
import type { School } from '../../roster/school.entity.js';
import type { Section } from '../../roster/section.entity.js';
import type { Term } from '../../roster/term.entity.js';
import type { GraphQLContext } from '../context.js';
import { CourseType } from './course.type.js';
import { SchoolType } from './school.type.js';
import { SectionType } from './section.type.js';
import { TermType } from './term.type.js';

@Resolver(() => SectionType)
export class SectionResolver {
  @FieldResolver(() => SchoolType)
  async school(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<School> {
    const school = await ctx.loaders.school.load(section.schoolId);
    if (!school) throw new Error(`School ${section.schoolId} of section ${section.id} is missing`);
    return school;
  }

  @FieldResolver(() => CourseType, { nullable: true })
  course(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Course | null> {
    return section.courseId == null ? Promise.resolve(null) : ctx.loaders.course.load(section.courseId);
  }

  @FieldResolver(() => TermType, { nullable: true })
  term(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Term | null> {
    return section.termId == null ? Promise.resolve(null) : ctx.loaders.term.load(section.termId);
  }
}

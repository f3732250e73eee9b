import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Course } from '../../roster/course.entity.js';
import type { Person } from '../../roster/person.entity.js';
import { PersonRole } from '../../roster/roster-enums.js';
import type { School } from '../../roster/school.entity.js';
import type { Section } from '../../roster/section.entity.js';
import type { Term } from '../../roster/term.entity.js';
import type { GraphQLContext } from '../context.js';
import { SectionContinuityRule } from '../enums.js';
import { CourseType } from './course.type.js';
import { PersonType } from './person.type.js';
import { SchoolType } from './school.type.js';
import { SectionTeacherType, SectionType } from './section.type.js';
import { TermType } from './term.type.js';

/** A section's relations, batched per request with DataLoader. */
@Authorized()
@Resolver(() => SectionType)
export class SectionResolver {
  @FieldResolver(() => SchoolType, { description: 'The school the section belongs to.' })
  async school(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<School> {
    const school = await ctx.loaders.school.load(section.schoolId);
    if (!school) throw new Error(`School ${section.schoolId} of section ${section.id} is missing`);
    return school;
  }

  @FieldResolver(() => CourseType, { nullable: true, description: 'The course taught, when the source names one.' })
  course(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Course | null> {
    return section.courseId == null ? Promise.resolve(null) : ctx.loaders.course.load(section.courseId);
  }

  @FieldResolver(() => TermType, { nullable: true, description: 'The term, when the source names one.' })
  term(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Term | null> {
    return section.termId == null ? Promise.resolve(null) : ctx.loaders.term.load(section.termId);
  }

  @FieldResolver(() => SectionType, {
    nullable: true,
    description:
      'The ended section this one most likely continues (last year’s class, or last semester’s), named by the sync that created it: same school always, see predecessorRule. Partner apps carry content and student work over from it.',
  })
  predecessor(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Section | null> {
    return section.predecessorId == null ? Promise.resolve(null) : ctx.loaders.section.load(section.predecessorId);
  }

  @FieldResolver(() => SectionContinuityRule, {
    nullable: true,
    description: 'Which rule named the predecessor: SAME_TEACHER (same course and primary teacher) or SAME_PERIOD (same course and period).',
  })
  predecessorRule(@Root() section: Section): string | null {
    return section.predecessorRule ?? null;
  }

  @FieldResolver(() => SectionType, {
    nullable: true,
    description: 'The section that continues this one (next year’s or next semester’s), when a later sync named one.',
  })
  successor(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Section | null> {
    return ctx.loaders.sectionSuccessor.load(section.id);
  }

  @FieldResolver(() => [SectionTeacherType], { description: 'Teachers, the primary teacher first.' })
  async teachers(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Array<{ primary: boolean; person: Person }>> {
    const rows = await ctx.loaders.sectionEnrollments.load(section.id);
    return rows.filter((e) => e.role === PersonRole.TEACHER).map((e) => ({ primary: e.primary, person: e.person }));
  }

  @FieldResolver(() => [PersonType], { description: 'Enrolled students, by family name, given name, then id (the roster order).' })
  async students(@Root() section: Section, @Ctx() ctx: GraphQLContext): Promise<Person[]> {
    const rows = await ctx.loaders.sectionEnrollments.load(section.id);
    return rows.filter((e) => e.role === PersonRole.STUDENT).map((e) => e.person);
  }
}

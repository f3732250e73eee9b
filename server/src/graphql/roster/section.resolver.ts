import type { CourseRow, PersonRow, SchoolRow, SectionRow, TermRow } from './roster-reader.service.js';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonRole } from '../../roster/roster-enums.js';
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
  async school(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<SchoolRow> {
    const school = await ctx.loaders.school.load(section.schoolId);
    if (!school) throw new Error(`School ${section.schoolId} of section ${section.id} is missing`);
    return school;
  }

  @FieldResolver(() => CourseType, { nullable: true, description: 'The course taught, when the source names one.' })
  course(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<CourseRow | null> {
    return section.courseId == null ? Promise.resolve(null) : ctx.loaders.course.load(section.courseId);
  }

  @FieldResolver(() => TermType, { nullable: true, description: 'The term, when the source names one.' })
  term(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<TermRow | null> {
    return section.termId == null ? Promise.resolve(null) : ctx.loaders.term.load(section.termId);
  }

  @FieldResolver(() => SectionType, {
    nullable: true,
    description:
      'The ended section this one most likely continues (last year’s class, or last semester’s), named by the sync that created it: same school always, see predecessorRule. Partner apps carry content and student work over from it.',
  })
  predecessor(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<SectionRow | null> {
    return section.predecessorId == null ? Promise.resolve(null) : ctx.loaders.section.load(section.predecessorId);
  }

  @FieldResolver(() => SectionContinuityRule, {
    nullable: true,
    description: 'Which rule named the predecessor: SAME_TEACHER (same course and primary teacher) or SAME_PERIOD (same course and period).',
  })
  predecessorRule(@Root() section: SectionRow): string | null {
    return section.predecessorRule ?? null;
  }

  @FieldResolver(() => SectionType, {
    nullable: true,
    description: 'The section that continues this one (next year’s or next semester’s), when a later sync named one.',
  })
  successor(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<SectionRow | null> {
    return ctx.loaders.sectionSuccessor.load(section.id);
  }

  @FieldResolver(() => [SectionTeacherType], { description: 'Teachers, the primary teacher first.' })
  async teachers(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<Array<{ primary: boolean; person: PersonRow }>> {
    const rows = await ctx.loaders.sectionEnrollments.load(section.id);
    return rows.filter((e) => e.role === PersonRole.TEACHER).map((e) => ({ primary: e.primary, person: e.person }));
  }

  @FieldResolver(() => [PersonType], { description: 'Enrolled students, by family name, given name, then id (the roster order).' })
  async students(@Root() section: SectionRow, @Ctx() ctx: GraphQLContext): Promise<PersonRow[]> {
    const rows = await ctx.loaders.sectionEnrollments.load(section.id);
    return rows.filter((e) => e.role === PersonRole.STUDENT).map((e) => e.person);
  }
}

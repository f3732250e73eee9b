import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../scalars.js';
import { PersonType } from './person.type.js';

/** A class. Its school, course, term, teachers and students are resolved by SectionResolver (batched). */
@ObjectType('Section', { description: 'A class: one course taught in one school and term.' })
export class SectionType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { description: 'Id of the section in the source system.' })
  sourceId!: string;

  @Field(() => String, { description: 'Section name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Section number.' })
  sectionNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Period.' })
  period!: string | null;

  @Field(() => String, { nullable: true, description: 'Grade level.' })
  grade!: string | null;

  @Field(() => String, { nullable: true, description: 'Subject.' })
  subject!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When a sync removed it (only seen with includeDeleted).' })
  deletedAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When a sync ended it: the source still sends it but it was not active on the sync date (only seen with includeEnded).',
  })
  endedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The run that ended it.' })
  endedByRunId!: number | null;

  schoolId!: number;
  courseId!: number | null;
  termId!: number | null;
}

@ObjectType('SectionTeacher', { description: 'A teacher of a section.' })
export class SectionTeacherType {
  @Field(() => Boolean, { description: 'True for the primary teacher, false for co-teachers.' })
  primary!: boolean;

  @Field(() => PersonType, { description: 'The teacher.' })
  person!: unknown;
}

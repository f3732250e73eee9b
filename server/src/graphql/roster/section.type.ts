import { Field, ID, ObjectType } from 'type-graphql';

/** A class. Its school, course and term are resolved by SectionResolver (batched). */
@ObjectType('Section')
export class SectionType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  sourceId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  sectionNumber!: string | null;

  @Field(() => String, { nullable: true })
  period!: string | null;

  @Field(() => String, { nullable: true })
  grade!: string | null;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  schoolId!: number;
  courseId!: number | null;
  termId!: number | null;
}

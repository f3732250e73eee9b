import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Course')
export class CourseType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  sourceId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  number!: string | null;

  @Field(() => String, { nullable: true })
  subject!: string | null;
}

import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('School')
export class SchoolType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Id of the school in the source system.' })
  sourceId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  schoolNumber!: string | null;

  @Field(() => String, { nullable: true })
  stateId!: string | null;

  @Field(() => String, { nullable: true })
  ncesId!: string | null;

  @Field(() => String, { nullable: true })
  lowGrade!: string | null;

  @Field(() => String, { nullable: true })
  highGrade!: string | null;

  @Field(() => String, { nullable: true })
  principal!: string | null;
}

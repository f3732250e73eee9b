import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../scalars.js';

@ObjectType('Term')
export class TermType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  sourceId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => LocalDate, { nullable: true })
  startDate!: string | null;

  @Field(() => LocalDate, { nullable: true })
  endDate!: string | null;
}

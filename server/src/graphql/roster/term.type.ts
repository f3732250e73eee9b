import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime, LocalDate } from '../scalars.js';

@ObjectType('Term', { description: 'A school term (academic session).' })
export class TermType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { description: 'Id of the term in the source system.' })
  sourceId!: string;

  @Field(() => String, { description: 'Term name, e.g. "Fall 2026".' })
  name!: string;

  @Field(() => LocalDate, { nullable: true, description: 'First day.' })
  startDate!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day.' })
  endDate!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When a sync removed it (only seen with includeDeleted).' })
  deletedAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When a sync ended it: the source still sends it but it was not active on the sync date (only seen with includeEnded).',
  })
  endedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The run that ended it.' })
  endedByRunId!: number | null;
}

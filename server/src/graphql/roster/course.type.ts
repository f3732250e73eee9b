import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../scalars.js';

@ObjectType('Course', { description: 'A course that sections teach.' })
export class CourseType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { description: 'Id of the course in the source system.' })
  sourceId!: string;

  @Field(() => String, { description: 'Course name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Course number or code.' })
  number!: string | null;

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
}

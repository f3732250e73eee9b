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
}

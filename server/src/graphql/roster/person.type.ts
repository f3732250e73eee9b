import { Field, ID, ObjectType } from 'type-graphql';
import { PersonRole } from '../enums.js';
import { DateTime } from '../scalars.js';

/** A student or teacher. `schools` is resolved by PersonResolver (batched). */
@ObjectType('Person', { description: 'A student or teacher of a district.' })
export class PersonType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { description: 'Id of the person in the source system.' })
  sourceId!: string;

  @Field(() => PersonRole, { description: 'STUDENT or TEACHER.' })
  role!: PersonRole;

  @Field(() => String, { description: 'First name.' })
  givenName!: string;

  @Field(() => String, { nullable: true, description: 'Middle name.' })
  middleName!: string | null;

  @Field(() => String, { description: 'Last name.' })
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'Email address (per the district’s field mapping).' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Login name in the source system.' })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'Student information system id.' })
  sisId!: string | null;

  @Field(() => String, { nullable: true, description: 'State id.' })
  stateId!: string | null;

  @Field(() => String, { nullable: true, description: 'Grade level (students).' })
  grade!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When a sync removed this person (only seen with includeDeleted).' })
  deletedAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When a sync ended it: the source still sends it but it was not active on the sync date (only seen with includeEnded).',
  })
  endedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The run that ended it.' })
  endedByRunId!: number | null;
}

import { Field, ID, ObjectType } from 'type-graphql';
import { PersonRole } from '../enums.js';
import { DateTime, LocalDate } from '../scalars.js';

/** Membership of a person in a section; section and person are resolved by EnrollmentResolver. */
@ObjectType('Enrollment', { description: 'A student or teacher in a section.' })
export class EnrollmentType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'Id in the source system, when the source has one.' })
  sourceId!: string | null;

  @Field(() => PersonRole, { description: 'STUDENT or TEACHER in this section.' })
  role!: PersonRole;

  @Field(() => Boolean, { description: 'True for the primary teacher.' })
  primary!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'First day of the enrollment, when the source says.' })
  beginDate!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the enrollment, when the source says.' })
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

  sectionId!: number;
  personId!: number;
}

import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeAction } from '../enums.js';
import { Connection } from '../pagination/connection.js';
import { DateTime } from '../scalars.js';

/** A change-record row of a person or of one of their enrollments; run, section and fields are resolved by PersonHistoryResolver. */
@ObjectType('PersonChange', { description: 'One change a run made to a person, or to one of their enrollments (joining or leaving a section).' })
export class PersonChangeType {
  @Field(() => ID, { description: 'Change id.' })
  id!: number;

  @Field(() => ID, { description: 'The run that made the change.' })
  runId!: number;

  @Field(() => String, { description: '"people" (the person’s own record) or "enrollments" (a section membership).' })
  entityType!: string;

  @Field(() => ChangeAction, { description: 'CREATE, UPDATE, DELETE, RESTORE or END.' })
  action!: ChangeAction;

  @Field(() => DateTime, { description: 'When the run wrote the change.' })
  createdAt!: Date;

  sectionId!: number | null;
  before!: Record<string, unknown> | null;
  after!: Record<string, unknown> | null;
}

export const PersonChangeConnection = Connection(PersonChangeType, 'PersonChange');

import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeAction, IssueSeverity } from '../enums.js';
import { Connection } from '../pagination/connection.js';
import { DateTime } from '../scalars.js';

@ObjectType('FieldChange', { description: 'One field of a changed record, before and after (as text).' })
export class FieldChangeType {
  @Field(() => String, { description: 'Field name, e.g. "email" or "schools".' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Value before the run (null: empty or new).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'Value after the run (null: empty or deleted).' })
  after!: string | null;
}

/** A change-log row; `fields` is resolved by SyncChangeResolver from before/after. */
@ObjectType('SyncChange', { description: 'One record a run changed, or a dry run would change.' })
export class SyncChangeType {
  @Field(() => ID, { description: 'Change id.' })
  id!: number;

  @Field(() => String, { description: 'schools, terms, courses, people, sections or enrollments.' })
  entityType!: string;

  @Field(() => ID, { nullable: true, description: 'Homeroom id of the record (null for a planned creation).' })
  entityId!: number | null;

  @Field(() => String, { nullable: true, description: 'Source id of the record.' })
  sourceId!: string | null;

  @Field(() => ChangeAction, { description: 'CREATE, UPDATE, DELETE or RESTORE.' })
  action!: ChangeAction;

  before!: Record<string, unknown> | null;
  after!: Record<string, unknown> | null;
}

@ObjectType('SyncIssue', { description: 'A problem a run found with one source record.' })
export class SyncIssueType {
  @Field(() => ID, { description: 'Issue id.' })
  id!: number;

  @Field(() => IssueSeverity, { description: 'ERROR (left out) or WARNING.' })
  severity!: IssueSeverity;

  @Field(() => String, { description: 'Entity type of the record.' })
  entityType!: string;

  @Field(() => String, { nullable: true, description: 'Source id of the record.' })
  sourceId!: string | null;

  @Field(() => String, {
    description:
      'Machine-readable code: TEACHER_NO_SCHOOL, STUDENT_NO_SCHOOL, SCHOOL_NOT_SELECTED, UNKNOWN_SCHOOL, UNKNOWN_SECTION, UNKNOWN_PERSON, NOT_ACTIVE, MISSING_REQUIRED_FIELD, INVALID_VALUE, DUPLICATE_SOURCE_ID, ROLE_CHANGE_SKIPPED, UNKNOWN_TERM, UNKNOWN_COURSE, RESET_THRESHOLD_EXCEEDED.',
  })
  code!: string;

  @Field(() => String, { description: 'What is wrong, in a readable sentence.' })
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: "The record's name as the source sent it, when the issue names one (e.g. a school left out by the selection).",
  })
  recordName!: string | null;

  @Field(() => DateTime, { description: 'When the run recorded it.' })
  createdAt!: Date;
}

export const SyncChangeConnection = Connection(SyncChangeType, 'SyncChange');
export const SyncIssueConnection = Connection(SyncIssueType, 'SyncIssue');

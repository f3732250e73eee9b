import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import { SourceKind } from '../enums.js';
import { DateTime, LocalDate } from '../scalars.js';

/** A district and its sync settings. The source location and credentials are never exposed. */
@ObjectType('District', {
  description: 'A school district whose roster Homeroom syncs. Its source credentials are never readable through the API (see `source`).',
})
export class DistrictType {
  @Field(() => ID, { description: 'Homeroom id.' })
  id!: number;

  @Field(() => String, { description: 'District name (unique).' })
  name!: string;

  @Field(() => SourceKind, { description: 'Kind of roster source.' })
  sourceKind!: SourceKind;

  @Field(() => String, { description: 'IANA time zone the schedule runs in.' })
  timezone!: string;

  @Field(() => String, { description: 'Cron expression of the scheduled sync, in the district time zone.' })
  schedule!: string;

  @Field(() => Boolean, { description: 'False while scheduled syncs are paused.' })
  syncEnabled!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Scheduled syncs stop after this date.' })
  syncExpiresAt!: string | null;

  @Field(() => [String], { nullable: true, description: 'Source ids of the synced schools; null means all schools.' })
  schoolSelection!: string[] | null;

  @Authorized(Permission.ADMIN)
  @Field(() => [String], { nullable: true, description: 'Who is emailed about sync results (admins only).' })
  notifyEmails!: string[] | null;

  @Authorized(Permission.ADMIN)
  @Field(() => [String], {
    nullable: true,
    description: 'Addresses of notifyEmails emailed only about failed runs and Resets; the others hear of every run (admins only).',
  })
  notifyProblemsOnly!: string[] | null;

  @Field(() => Int, { description: 'A Reset deleting more than this percent of any entity type is refused.' })
  resetDeleteThreshold!: number;

  @Field(() => DateTime, { description: 'When the district was created in Homeroom.' })
  createdAt!: Date;
}

@ObjectType('FieldMapping', { description: 'A district’s override of which source field feeds a Homeroom field.' })
export class FieldMappingType {
  @Field(() => String, { description: 'Entity type: schools, terms, courses, people or sections.' })
  entityType!: string;

  @Field(() => String, { description: 'The Homeroom field, e.g. "email".' })
  targetField!: string;

  @Field(() => String, { description: 'The source field that feeds it, e.g. "sis_email".' })
  sourceField!: string;
}

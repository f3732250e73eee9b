import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SourceKind } from '../enums.js';
import { LocalDate } from '../scalars.js';

/** A district and its sync settings. The source location and credentials are never exposed. */
@ObjectType('District')
export class DistrictType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => SourceKind)
  sourceKind!: SourceKind;

  @Field(() => String, { description: 'IANA time zone the schedule runs in.' })
  timezone!: string;

  @Field(() => String, { description: 'Cron expression of the scheduled sync, in the district time zone.' })
  schedule!: string;

  @Field(() => Boolean)
  syncEnabled!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Scheduled syncs stop after this date.' })
  syncExpiresAt!: string | null;

  @Field(() => [String], { nullable: true, description: 'Source ids of the synced schools; null means all schools.' })
  schoolSelection!: string[] | null;

  @Field(() => Int, { description: 'A Reset deleting more than this percent of any entity type is refused.' })
  resetDeleteThreshold!: number;
}

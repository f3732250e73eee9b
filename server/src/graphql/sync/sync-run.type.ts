import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SyncMode, SyncPhase, SyncStatus, SyncTrigger } from '../enums.js';
import { Connection } from '../pagination/connection.js';
import { DateTime } from '../scalars.js';

@ObjectType('EntityCount', { description: 'What a run did to one entity type.' })
export class EntityCountType {
  @Field(() => String, { description: 'schools, terms, courses, people, sections or enrollments.' })
  entity!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  deleted!: number;

  @Field(() => Int)
  restored!: number;

  @Field(() => Int)
  unchanged!: number;
}

/** One sync of a district. counts and percent are resolved by SyncRunResolver. */
@ObjectType('SyncRun')
export class SyncRunType {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  districtId!: number;

  @Field(() => SyncMode)
  mode!: SyncMode;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => SyncTrigger)
  trigger!: SyncTrigger;

  @Field(() => String, { nullable: true })
  requestedBy!: string | null;

  @Field(() => SyncStatus)
  status!: SyncStatus;

  @Field(() => SyncPhase, { nullable: true })
  phase!: SyncPhase | null;

  @Field(() => DateTime, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;
}

export const SyncRunConnection = Connection(SyncRunType, 'SyncRun');

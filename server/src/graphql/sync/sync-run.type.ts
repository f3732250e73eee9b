import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FailureCode, SyncMode, SyncPhase, SyncStatus, SyncTrigger } from '../enums.js';
import { Connection } from '../pagination/connection.js';
import { DateTime, LocalDate } from '../scalars.js';

@ObjectType('EntityCount', { description: 'What a run did (or a dry run would do) to one entity type.' })
export class EntityCountType {
  @Field(() => String, { description: 'schools, terms, courses, people, sections or enrollments.' })
  entity!: string;

  @Field(() => Int, { description: 'Records created.' })
  created!: number;

  @Field(() => Int, { description: 'Records whose fields changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records soft-deleted.' })
  deleted!: number;

  @Field(() => Int, { description: 'Deleted records brought back.' })
  restored!: number;

  @Field(() => Int, {
    description: "Records the source still sends that are not active on the sync date (last year's sections): hidden from the live roster, not deleted.",
  })
  ended!: number;

  @Field(() => Int, { description: 'Records the source still shares unchanged.' })
  unchanged!: number;
}

@ObjectType('IssueCount', { description: 'How many issues of one code a run reported.' })
export class IssueCountType {
  @Field(() => String, { description: 'Issue code, e.g. TEACHER_NO_SCHOOL.' })
  code!: string;

  @Field(() => Int, { description: 'Number of issues with this code.' })
  count!: number;
}

/** One sync of a district. Counts, progress and the detail connections are resolved by SyncRunResolver. */
@ObjectType('SyncRun', { description: 'One sync of a district: its request, status, progress and outcome.' })
export class SyncRunType {
  @Field(() => ID, { description: 'Run id.' })
  id!: number;

  @Field(() => ID, { description: 'The district synced.' })
  districtId!: number;

  @Field(() => SyncMode, { description: 'EDIT or RESET.' })
  mode!: SyncMode;

  @Field(() => Boolean, { description: 'True when the run only plans (nothing is written; see plan).' })
  dryRun!: boolean;

  @Field(() => SyncTrigger, { description: 'What started the run.' })
  trigger!: SyncTrigger;

  @Field(() => String, { nullable: true, description: 'Who asked for it (admin email, token name or "schedule").' })
  requestedBy!: string | null;

  @Field(() => SyncStatus, { description: 'Lifecycle status.' })
  status!: SyncStatus;

  @Field(() => SyncPhase, { nullable: true, description: 'Step while IN_PROGRESS.' })
  phase!: SyncPhase | null;

  @Field(() => LocalDate, { nullable: true, description: 'The date the run treats as today for terms and enrollments.' })
  asOf!: string | null;

  @Field(() => Boolean, { description: 'A sync allowed to exceed the district’s delete threshold (the mass-delete guard).' })
  overrideThreshold!: boolean;

  @Field(() => ID, { nullable: true, description: 'For a REVERT: the run it undoes.' })
  revertOfRunId!: number | null;

  @Field(() => ID, { nullable: true, description: 'For a RESET: the preview (dry-run Reset) it was confirmed against.' })
  previewRunId!: number | null;

  @Field(() => Boolean, { description: 'True once a cancel was requested while it ran.' })
  cancelRequested!: boolean;

  @Field(() => DateTime, { nullable: true, description: 'When a worker started it.' })
  startedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it ended.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it FAILED or was CANCELLED, in one readable sentence.' })
  error!: string | null;

  @Field(() => FailureCode, { nullable: true, description: 'Why it FAILED or was CANCELLED, as a code programs can act on (null otherwise).' })
  failureCode!: FailureCode | null;

  @Field(() => DateTime, { description: 'When it was requested.' })
  createdAt!: Date;
}

export const SyncRunConnection = Connection(SyncRunType, 'SyncRun');

import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { District } from '../../roster/district.entity.js';
import { publishRunQueued } from '../../sync/run-queued-event.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import type { SyncSettingsInput } from '../../sync/sync-settings.service.js';
import type { WhyNotSyncedAnswer } from '../../sync/why-not-synced.service.js';
import type { GraphQLContext } from '../context.js';
import { SyncMode, SyncPresence } from '../enums.js';
import { idArg } from '../ids.js';
import { DistrictType } from '../roster/district.type.js';
import { LocalDate } from '../scalars.js';
import { SyncIssueType } from './sync-detail.type.js';
import { SyncRunType } from './sync-run.type.js';

@InputType('StartSyncInput', { description: 'What to sync and how.' })
class StartSyncInput {
  @Field(() => ID, { description: 'The district to sync.' })
  districtId!: string;

  @Field(() => SyncMode, { nullable: true, description: 'EDIT (default) or RESET.' })
  mode?: SyncMode | null;

  @Field(() => Boolean, { nullable: true, description: 'Only plan: report what would change and write nothing (default false).' })
  dryRun?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Treat this date as today for terms and enrollments (early rollover).' })
  asOf?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Apply a sync (Edit or Reset) the mass-delete guard would hold: one deleting more than the district’s threshold of a kind of record, a role, or one school’s sections or enrollments.',
  })
  overrideThreshold?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Required for a RESET that is not a dry run: a launched dry-run RESET of the same district, at most an hour old. The Reset fails (PREVIEW_MISMATCH) if its deletions differ from this preview’s.',
  })
  previewRunId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for a RESET whose preview deletes anything: the district’s name, typed as confirmation.' })
  confirmation?: string | null;
}

@ObjectType('StartSyncPayload', { description: 'The run a startSync or revertSyncRun queued, or the run already active.' })
class StartSyncPayload {
  @Field(() => SyncRunType, { description: 'The queued run, or the district’s active one.' })
  run!: SyncRun;

  @Field(() => Boolean, { description: 'True when the district already had a run scheduled or in progress and no new run was created.' })
  alreadyRunning!: boolean;
}

@InputType('StartRolloverInput', { description: 'A new school year: an Edit sync as of its first day.' })
class StartRolloverInput {
  @Field(() => ID, { description: 'The district.' })
  districtId!: string;

  @Field(() => LocalDate, { description: 'The first day of the new school year: the run syncs as of this date.' })
  firstDay!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only preview: what would arrive, end and be deleted; nothing is written and the sync date is not set (default false).',
  })
  dryRun?: boolean | null;
}

@ObjectType('StartRolloverPayload', { description: 'The rollover run, and the district sync date it set.' })
class StartRolloverPayload {
  @Field(() => SyncRunType, { description: 'The queued run (trigger ROLLOVER), or the district’s active one.' })
  run!: SyncRun;

  @Field(() => Boolean, { description: 'True when the district already had an active run and no new run was created.' })
  alreadyRunning!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The district’s sync date after this call: the first day when it is still ahead (every later run syncs as of it until it arrives), else null.',
  })
  syncAsOf!: string | null;
}

@InputType('FieldMappingInput', { description: 'Set (or with an empty sourceField, remove) one field mapping override.' })
class FieldMappingInput {
  @Field(() => String, { description: 'schools, terms, courses, people or sections.' })
  entityType!: string;

  @Field(() => String, { description: 'The Homeroom field, e.g. "email".' })
  targetField!: string;

  @Field(() => String, { nullable: true, description: 'The source field to read it from; null or empty restores the source default.' })
  sourceField?: string | null;
}

@InputType('DistrictSyncSettingsInput', { description: 'Sync settings to change; omitted fields keep their value.' })
class DistrictSyncSettingsInput {
  @Field(() => String, { nullable: true, description: 'Cron expression (5 fields) in the district time zone.' })
  schedule?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. America/Chicago.' })
  timezone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False pauses scheduled syncs.' })
  syncEnabled?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Scheduled syncs stop after this date; null clears it.' })
  syncExpiresAt?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Early rollover: every run (scheduled and manual) syncs as of this date until it arrives, then as of today again. null clears it; a date that has already arrived is stored as null.',
  })
  syncAsOf?: string | null;

  @Field(() => [String], { nullable: true, description: 'Source ids of the schools to sync; null or empty means all.' })
  schoolSelection?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Emails told about sync results; null or empty for none.' })
  notifyEmails?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Addresses (also in notifyEmails) emailed only about failed runs and Resets; null or empty: everyone hears of every run.',
  })
  notifyProblemsOnly?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Percent of any entity type a Reset may delete (0–100).' })
  resetDeleteThreshold?: number | null;

  @Field(() => [FieldMappingInput], { nullable: true, description: 'Field mapping overrides to set or remove.' })
  fieldMappings?: FieldMappingInput[] | null;
}

@ObjectType('EntityTotal', { description: 'A count of records of one entity type.' })
class EntityTotal {
  @Field(() => String, { description: 'Entity type.' })
  entity!: string;

  @Field(() => Int, { description: 'Number of records.' })
  count!: number;
}

@ObjectType('ConnectionTestResult', { description: 'Whether Homeroom can read a district’s source.' })
class ConnectionTestResultType {
  @Field(() => Boolean, { description: 'True when the source answered.' })
  ok!: boolean;

  @Field(() => String, { description: 'What happened, readable.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The district name the source reports.' })
  districtName!: string | null;

  @Field(() => [EntityTotal], { description: 'Records the source reports, per entity type (when it says).' })
  counts!: EntityTotal[];
}

@ObjectType('WhyNotSynced', { description: 'Whether a record is in the roster, and if not, why.' })
class WhyNotSyncedType {
  @Field(() => SyncPresence, { description: 'SYNCED, DELETED, NOT_SYNCED or UNKNOWN.' })
  presence!: SyncPresence;

  @Field(() => String, { nullable: true, description: 'people, schools, sections… when known.' })
  entityType!: string | null;

  @Field(() => String, { nullable: true, description: 'The record’s source id, when known.' })
  sourceId!: string | null;

  @Field(() => String, { description: 'The explanation, e.g. "Teacher T-12 is assigned to the district but to no school; …".' })
  explanation!: string;

  @Field(() => ID, { nullable: true, description: 'The run whose issues were consulted (the last launched sync).' })
  runId!: number | null;

  @Field(() => [SyncIssueType], { description: 'That run’s issues about this record.' })
  issues!: WhyNotSyncedAnswer['issues'];
}

/** Sync actions; role checks via @Authorized, district checks in the services. */
@Resolver()
export class SyncControlResolver {
  @Authorized(Permission.WRITE)
  @Mutation(() => StartSyncPayload, {
    description:
      'Queue a sync. A RESET that is not a dry run needs previewRunId, and confirmation when that preview deletes anything (BAD_USER_INPUT otherwise). Never a CONFLICT: when the district already has an active run, that run is returned with alreadyRunning true.',
  })
  async startSync(
    @Arg('input', () => StartSyncInput, { description: 'What to sync.' }) input: StartSyncInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StartSyncPayload> {
    const previewRunId = input.previewRunId == null ? null : idArg(input.previewRunId, 'Sync run');
    const { run, existing } = await ctx.syncControl.start({ ...input, districtId: idArg(input.districtId, 'District'), previewRunId });
    if (!existing) publishRunQueued(ctx.app.pubsub, run);
    return { run, alreadyRunning: existing };
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => StartRolloverPayload, {
    description:
      'Start a new school year: an Edit sync as of its first day, recorded with trigger ROLLOVER (dryRun: its preview). When the first day is still ahead, a real rollover also sets the district’s syncAsOf to it, so later runs (the nightly one too) keep the new year until it begins.',
  })
  async startRollover(
    @Arg('input', () => StartRolloverInput, { description: 'The district and its first day of school.' }) input: StartRolloverInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StartRolloverPayload> {
    const { run, existing, syncAsOf } = await ctx.syncControl.startRollover({ ...input, districtId: idArg(input.districtId, 'District') });
    if (!existing) publishRunQueued(ctx.app.pubsub, run);
    return { run, alreadyRunning: existing, syncAsOf };
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => SyncRunType, {
    description: 'Cancel a scheduled run at once, or a running one at its next checkpoint (nothing is changed). CONFLICT when it already ended.',
  })
  cancelSync(@Arg('runId', () => ID, { description: 'Run to cancel.' }) runId: string, @Ctx() ctx: GraphQLContext): Promise<SyncRun> {
    return ctx.syncControl.cancel(idArg(runId, 'Sync run'));
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => StartSyncPayload, {
    description: 'Queue a run that undoes the district’s latest launched run. CONFLICT when it is not the latest or another run is active.',
  })
  async revertSyncRun(@Arg('runId', () => ID, { description: 'The run to undo.' }) runId: string, @Ctx() ctx: GraphQLContext): Promise<StartSyncPayload> {
    return { run: await ctx.syncControl.revert(idArg(runId, 'Sync run')), alreadyRunning: false };
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => DistrictType, {
    description:
      'Change a district’s schedule, pause, expiry, sync date, school selection, notification emails, reset threshold and field mappings. BAD_USER_INPUT names a bad value.',
  })
  updateDistrictSyncSettings(
    @Arg('districtId', () => ID, { description: 'The district.' }) districtId: string,
    @Arg('input', () => DistrictSyncSettingsInput, { description: 'Settings to change.' }) input: DistrictSyncSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<District> {
    const settings: SyncSettingsInput = {};
    if (input.schedule != null) settings.schedule = input.schedule;
    if (input.timezone != null) settings.timezone = input.timezone;
    if (input.syncEnabled != null) settings.syncEnabled = input.syncEnabled;
    if (input.resetDeleteThreshold != null) settings.resetDeleteThreshold = input.resetDeleteThreshold;
    if (input.syncExpiresAt !== undefined) settings.syncExpiresAt = input.syncExpiresAt;
    if (input.syncAsOf !== undefined) settings.syncAsOf = input.syncAsOf;
    if (input.schoolSelection !== undefined) settings.schoolSelection = input.schoolSelection;
    if (input.notifyEmails !== undefined) settings.notifyEmails = input.notifyEmails;
    if (input.notifyProblemsOnly !== undefined) settings.notifyProblemsOnly = input.notifyProblemsOnly;
    if (input.fieldMappings) settings.fieldMappings = input.fieldMappings;
    return ctx.syncSettings.update(idArg(districtId, 'District'), settings);
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => ConnectionTestResultType, { description: 'Read the district’s source once, without syncing, to check that it can be reached and read.' })
  async testDistrictConnection(
    @Arg('districtId', () => ID, { description: 'The district.' }) districtId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionTestResultType> {
    const r = await ctx.syncSettings.testConnection(idArg(districtId, 'District'));
    return { ...r, counts: Object.entries(r.counts).map(([entity, count]) => ({ entity, count: count ?? 0 })) };
  }

  @Authorized(Permission.ADMIN)
  @Query(() => WhyNotSyncedType, {
    description:
      'Explain from the roster and the last sync’s issues and filters why a person, section or school is not synced (or that it is). Give sourceId or email.',
  })
  whyNotSynced(
    @Arg('districtId', () => ID, { description: 'The district.' }) districtId: string,
    @Arg('sourceId', () => String, { nullable: true, description: 'Source id of the person, section or school.' }) sourceId: string | null,
    @Arg('email', () => String, { nullable: true, description: 'Email of the person.' }) email: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WhyNotSyncedAnswer> {
    return ctx.whyNotSynced.explain(idArg(districtId, 'District'), { sourceId, email });
  }
}

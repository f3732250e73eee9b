import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import { Args, ArgsType, Authorized, Field, Float, ID, Int, ObjectType, Resolver, Root, Subscription, type ResolverData } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import { SYNC_RUN_UPDATED, type SyncRunUpdate } from '../../events/pubsub.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import { authChecker } from '../auth-checker.js';
import type { GraphQLContext } from '../context.js';
import { SyncPhase, SyncStatus } from '../enums.js';
import { idArg } from '../ids.js';
import { runPercent } from './sync-run.view.js';
import { ValidationError } from '../../errors.js';

@ObjectType('EntityProgress', { description: 'Records processed so far of one entity type in the current phase.' })
class EntityProgressType {
  @Field(() => String, { description: 'Entity type.' })
  entity!: string;

  @Field(() => Int, { description: 'Records processed.' })
  processed!: number;

  @Field(() => Int, { description: 'Records expected (an estimate while fetching).' })
  total!: number;
}

@ObjectType('SyncRunUpdate', { description: 'Live state of a run, pushed on every status or phase change and at most every 250 ms of progress.' })
class SyncRunUpdateType {
  @Field(() => ID, { description: 'The run.' })
  runId!: number;

  @Field(() => ID, { description: 'Its district.' })
  districtId!: number;

  @Field(() => SyncStatus, { description: 'Status: Scheduled, In Progress, Launched, Failed or Cancelled.' })
  status!: string;

  @Field(() => SyncPhase, { nullable: true, description: 'Step while in progress.' })
  phase!: string | null;

  @Field(() => Float, { description: 'Progress from 0 to 100.' })
  percent!: number;

  @Field(() => Int, { nullable: true, description: 'Estimated seconds left.' })
  etaSeconds!: number | null;

  @Field(() => [EntityProgressType], { description: 'Counts per entity type.' })
  progress!: EntityProgressType[];
}

@ArgsType()
class SyncRunUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'Follow every run of this district.' })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Follow one run (its current state is sent first).' })
  runId?: string | null;
}

function fromRun(run: SyncRun): SyncRunUpdate {
  return {
    runId: run.id,
    districtId: run.districtId,
    status: run.status,
    phase: run.phase,
    percent: runPercent(run),
    etaSeconds: run.progress?.etaSeconds ?? null,
    processed: run.progress?.processed ?? {},
    total: run.progress?.total ?? {},
  };
}

/** Scope and role are checked once, when the subscription starts; then only matching events flow. */
async function subscribeToRuns({ args, context }: ResolverData<GraphQLContext> & { args: SyncRunUpdatedArgs }): Promise<AsyncIterable<SyncRunUpdate>> {
  authChecker({ context }, [Permission.ADMIN]);
  if ((args.districtId == null) === (args.runId == null)) throw new ValidationError('Give exactly one of districtId and runId');
  const source = context.app.pubsub.subscribe(SYNC_RUN_UPDATED);
  if (args.districtId != null) {
    const districtId = idArg(args.districtId, 'District');
    await context.roster.getDistrict(districtId);
    return pipe(
      source,
      filter((u: SyncRunUpdate) => u.districtId === districtId),
    );
  }
  const run = await context.syncReports.getRun(idArg(args.runId!, 'Sync run'));
  const events = pipe(
    source,
    filter((u: SyncRunUpdate) => u.runId === run.id),
  );
  return new Repeater<SyncRunUpdate>(async (push, stop) => {
    const it = events[Symbol.asyncIterator]();
    stop.then(() => it.return?.());
    await push(fromRun(run));
    for (;;) {
      const next = await Promise.race([it.next(), stop.then(() => ({ done: true, value: undefined }))]);
      if (next.done) break;
      await push(next.value as SyncRunUpdate);
    }
    stop();
  });
}

@Resolver()
export class SyncRunUpdateResolver {
  @Authorized(Permission.ADMIN)
  @Subscription(() => SyncRunUpdateType, {
    description: 'Live progress of one run (runId) or of every run of a district (districtId), over graphql-ws. Admins only, within their districts.',
    subscribe: (data) => subscribeToRuns(data as never),
  })
  syncRunUpdated(@Root() update: SyncRunUpdate, @Args() _args: SyncRunUpdatedArgs): SyncRunUpdateType {
    const entities = [...new Set([...Object.keys(update.total), ...Object.keys(update.processed)])];
    return {
      runId: update.runId,
      districtId: update.districtId,
      status: update.status,
      phase: update.phase,
      percent: update.percent,
      etaSeconds: update.etaSeconds,
      progress: entities.map((entity) => ({ entity, processed: update.processed[entity] ?? 0, total: update.total[entity] ?? 0 })),
    };
  }
}

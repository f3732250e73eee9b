import type { SectionRow } from '../roster/roster-reader.service.js';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { Person } from '../../roster/person.entity.js';
import type { PersonChange } from '../../sync/person-history.service.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import type { GraphQLContext } from '../context.js';
import { ConnectionArgs, toConnection, toPageRequest } from '../pagination/connection.js';
import { PersonType } from '../roster/person.type.js';
import { SectionType } from '../roster/section.type.js';
import { fieldChanges } from './field-changes.js';
import { PersonChangeConnection, PersonChangeType } from './person-change.type.js';
import { FieldChangeType } from './sync-detail.type.js';
import { SyncRunType } from './sync-run.type.js';

/** A person's changes across runs (admins, within their districts): the person page's history. */
@Resolver(() => PersonType)
export class PersonHistoryResolver {
  @Authorized(Permission.ADMIN)
  @FieldResolver(() => PersonChangeConnection, {
    description: 'Changes runs made to this person and to their enrollments, newest first; previews left out (admins only).',
  })
  async changes(@Root() person: Person, @Args() args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.personHistory.pageChanges(person.districtId, person.id, toPageRequest(args)));
  }
}

@Authorized(Permission.ADMIN)
@Resolver(() => PersonChangeType)
export class PersonChangeResolver {
  @FieldResolver(() => SyncRunType, { description: 'The run that made the change.' })
  async run(@Root() change: PersonChange, @Ctx() ctx: GraphQLContext): Promise<SyncRun> {
    const run = await ctx.loaders.run.load(change.runId);
    if (!run) throw new Error(`Run ${change.runId} of change ${change.id} is missing`);
    return run;
  }

  @FieldResolver(() => SectionType, { nullable: true, description: 'For an enrollment change: the section joined or left.' })
  section(@Root() change: PersonChange, @Ctx() ctx: GraphQLContext): Promise<SectionRow | null> {
    return change.sectionId == null ? Promise.resolve(null) : ctx.loaders.section.load(change.sectionId);
  }

  @FieldResolver(() => [FieldChangeType], { description: 'The fields involved: changed fields of an update, all values of a create, delete or restore.' })
  fields(@Root() change: PersonChange): FieldChangeType[] {
    return fieldChanges(change.before, change.after);
  }
}

import type { PersonRow } from './roster-reader.service.js';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { District } from '../../roster/district.entity.js';
import type { FieldMapping } from '../../sync/field-mapping.entity.js';
import { defaultMappingRows } from '../../sync/sources/default-mappings.js';
import { SyncStatus } from '../../sync/sync-enums.js';
import type { SyncRun } from '../../sync/sync-run.entity.js';
import type { GraphQLContext } from '../context.js';
import { LocalDate } from '../scalars.js';
import { pendingSyncAsOf } from '../../sync/sync-date.js';
import { PersonRole } from '../enums.js';
import { idArg, optionalId } from '../ids.js';
import { ConnectionArgs, toConnection, toPageRequest } from '../pagination/connection.js';
import { SyncRunType } from '../sync/sync-run.type.js';
import { DistrictType, FieldMappingType } from './district.type.js';
import { PersonType } from './person.type.js';
import { CourseConnection, EnrollmentConnection, PersonConnection, SchoolConnection, SectionConnection, TermConnection } from './roster-connections.js';

@ArgsType()
class RosterArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'Include soft-deleted rows (admins only; default false).' })
  includeDeleted?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Include ended records: the source still sends them but they are not active on the sync date, such as last year's sections (default false).",
  })
  includeEnded?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text found in the name, source id or number.' })
  search?: string | null;
}

@ArgsType()
class PeopleArgs extends RosterArgs {
  @Field(() => PersonRole, { nullable: true, description: 'Only people of this role.' })
  role?: PersonRole | null;

  @Field(() => ID, { nullable: true, description: 'Only members of this school.' })
  schoolId?: string | null;
}

@ArgsType()
class SectionArgs extends RosterArgs {
  @Field(() => ID, { nullable: true, description: 'Only sections of this school.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only sections of this term.' })
  termId?: string | null;
}

@ArgsType()
class EnrollmentArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'Include soft-deleted rows (admins only; default false).' })
  includeDeleted?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Include ended records: the source still sends them but they are not active on the sync date, such as last year's sections (default false).",
  })
  includeEnded?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only enrollments in this section.' })
  sectionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only enrollments of this person.' })
  personId?: string | null;

  @Field(() => PersonRole, { nullable: true, description: 'Only students or only teachers.' })
  role?: PersonRole | null;
}

/** Roster reads start from a district the caller may see; the RosterReader applies the scope. */
@Authorized()
@Resolver(() => DistrictType)
export class DistrictResolver {
  @Query(() => [DistrictType], { description: 'The districts the caller may see, by name.' })
  districts(@Ctx() ctx: GraphQLContext): Promise<District[]> {
    return ctx.roster.listDistricts();
  }

  @Query(() => DistrictType, { description: 'One district; NOT_FOUND when it does not exist or is outside the caller’s scope.' })
  district(@Arg('id', () => ID, { description: 'District id.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<District> {
    return ctx.roster.getDistrict(idArg(id, 'District'));
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description:
      'Early rollover: every run, scheduled or manual, syncs as of this date until it arrives (district time), then as of today again by itself. null when not set or already arrived.',
  })
  syncAsOf(@Root() d: District): string | null {
    return pendingSyncAsOf(d);
  }

  @FieldResolver(() => SchoolConnection, { description: 'Schools, by name, then id.' })
  async schools(@Root() d: District, @Args() args: RosterArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.schools(d.id, args, toPageRequest(args)));
  }

  @FieldResolver(() => SectionConnection, { description: 'Sections, by school name, section name, then id (names case-insensitive).' })
  async sections(@Root() d: District, @Args() args: SectionArgs, @Ctx() ctx: GraphQLContext) {
    const filter = { ...args, schoolId: optionalId(args.schoolId), termId: optionalId(args.termId) };
    const page = await ctx.roster.sections(d.id, filter, toPageRequest(args));
    // The page read the district's schools: each section's `school` needs no statement.
    for (const school of page.schools) ctx.loaders.school.prime(school.id, school);
    return toConnection(page);
  }

  @FieldResolver(() => PersonConnection, { description: 'Students and teachers, by family name, given name, then id (names case-insensitive).' })
  async people(@Root() d: District, @Args() args: PeopleArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.people(d.id, { ...args, schoolId: optionalId(args.schoolId) }, toPageRequest(args)));
  }

  @FieldResolver(() => PersonType, { description: 'One student or teacher; NOT_FOUND when not in this district. Admins also reach removed and ended people.' })
  person(@Root() d: District, @Arg('id', () => ID, { description: 'Person id.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<PersonRow> {
    return ctx.roster.person(d.id, idArg(id, 'Person'));
  }

  @FieldResolver(() => TermConnection, { description: 'Terms, by id.' })
  async terms(@Root() d: District, @Args() args: RosterArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.terms(d.id, args, toPageRequest(args)));
  }

  @FieldResolver(() => CourseConnection, { description: 'Courses, by id.' })
  async courses(@Root() d: District, @Args() args: RosterArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await ctx.roster.courses(d.id, args, toPageRequest(args)));
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'Enrollments (who is in which section), by id.' })
  async enrollments(@Root() d: District, @Args() args: EnrollmentArgs, @Ctx() ctx: GraphQLContext) {
    const filter = { ...args, sectionId: optionalId(args.sectionId), personId: optionalId(args.personId) };
    return toConnection(await ctx.roster.enrollments(d.id, filter, toPageRequest(args)));
  }

  @Authorized(Permission.ADMIN)
  @FieldResolver(() => [FieldMappingType], { description: 'The district’s field mapping overrides (admins only).' })
  fieldMappings(@Root() d: District, @Ctx() ctx: GraphQLContext): Promise<FieldMapping[]> {
    return ctx.syncSettings.mappings(d.id);
  }

  @Authorized(Permission.ADMIN)
  @FieldResolver(() => [FieldMappingType], {
    description: 'The source field feeding each Homeroom field when no override is set, for this district’s source kind (admins only).',
  })
  fieldMappingDefaults(@Root() d: District): Array<Pick<FieldMapping, 'entityType' | 'targetField' | 'sourceField'>> {
    return defaultMappingRows(d.sourceKind);
  }

  @Authorized(Permission.ADMIN)
  @FieldResolver(() => SyncRunType, { nullable: true, description: 'The most recent run that is not a preview (dry run), of any status (admins only).' })
  async lastRun(@Root() d: District, @Ctx() ctx: GraphQLContext): Promise<SyncRun | null> {
    return (await ctx.syncReports.pageRuns({ districtId: d.id, dryRun: false }, { first: 1 })).nodes[0] ?? null;
  }

  @Authorized(Permission.ADMIN)
  @FieldResolver(() => SyncRunType, { nullable: true, description: 'The run scheduled or in progress, preview or not; null when none (admins only).' })
  async activeRun(@Root() d: District, @Ctx() ctx: GraphQLContext): Promise<SyncRun | null> {
    return (await ctx.syncReports.pageRuns({ districtId: d.id, status: [SyncStatus.SCHEDULED, SyncStatus.IN_PROGRESS] }, { first: 1 })).nodes[0] ?? null;
  }
}

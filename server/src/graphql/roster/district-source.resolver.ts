import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '../../auth/roles.js';
import type { District } from '../../roster/district.entity.js';
import type { SourceSettingsChange } from '../../roster/source-settings.js';
import type { GraphQLContext } from '../context.js';
import { SourceKind } from '../enums.js';
import { idArg } from '../ids.js';
import { NewDistrictInput, SourceSettingsInput, SourceSettingsType, SourceTestResultType } from './district-source.types.js';
import { DistrictType } from './district.type.js';

const SECRETS = ['token', 'clientSecret', 'password', 'privateKey'] as const;

/** The input as a change: a blank secret means "keep the stored one", a blank setting clears it. */
function change(input: SourceSettingsInput): SourceSettingsChange {
  const out: SourceSettingsChange = {};
  for (const [key, value] of Object.entries(input) as Array<[keyof SourceSettingsInput, unknown]>) {
    if (value === undefined) continue;
    if ((SECRETS as readonly string[]).includes(key) && (value === null || value === '')) continue;
    (out as Record<string, unknown>)[key] =
      key === 'auth' && typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** Creating districts and managing where their roster comes from (thin: SourceSettingsService does the work). */
@Authorized()
@Resolver(() => DistrictType)
export class DistrictSourceResolver {
  @Authorized(Permission.WRITE)
  @FieldResolver(() => SourceSettingsType, { description: 'Where the roster comes from and which settings are set (platform and district admins).' })
  source(@Root() district: District, @Ctx() ctx: GraphQLContext) {
    return ctx.sourceSettings
      .settings(district)
      .then((s) => ({ ...s, secrets: s.secrets.map((x) => ({ ...x, changedAt: x.changedAt ? new Date(x.changedAt) : null })) }));
  }

  @Authorized(Permission.PLATFORM)
  @Mutation(() => DistrictType, { description: 'Create a district with its source (platform admins). BAD_USER_INPUT names a missing or rejected setting.' })
  createDistrict(
    @Arg('input', () => NewDistrictInput, { description: 'The district.' }) input: NewDistrictInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<District> {
    return ctx.sourceSettings.create({ name: input.name, timezone: input.timezone ?? undefined, sourceKind: input.sourceKind, source: change(input.source) });
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => DistrictType, {
    description: 'Change a district’s source kind, location or credentials; omitted settings (and blank secrets) keep their value.',
  })
  updateDistrictSource(
    @Arg('districtId', () => ID, { description: 'The district.' }) districtId: string,
    @Arg('input', () => SourceSettingsInput, { description: 'Settings to change.' }) input: SourceSettingsInput,
    @Arg('sourceKind', () => SourceKind, { nullable: true, description: 'A new source kind.' }) sourceKind: SourceKind | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<District> {
    return ctx.sourceSettings.update(idArg(districtId, 'District'), sourceKind ?? undefined, change(input));
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => SourceTestResultType, {
    description:
      'Read a source with settings not saved yet: a new district’s (districtId omitted; platform admins) or a district’s stored settings with these changes. Nothing is saved or synced.',
  })
  async testSourceSettings(
    @Arg('sourceKind', () => SourceKind, { description: 'Kind of roster source.' }) sourceKind: SourceKind,
    @Arg('input', () => SourceSettingsInput, { description: 'The settings to try.' }) input: SourceSettingsInput,
    @Arg('districtId', () => ID, { nullable: true, description: 'The district whose stored settings fill in what the input leaves out.' })
    districtId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SourceTestResultType> {
    const r = await ctx.sourceSettings.test(districtId ? idArg(districtId, 'District') : null, sourceKind, change(input));
    return { ...r, counts: Object.entries(r.counts).map(([entity, count]) => ({ entity, count: count ?? 0 })) };
  }
}

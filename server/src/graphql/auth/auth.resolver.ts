import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CREDENTIALS_REVOKED } from '../../auth/credentials-revoked.js';
import { Permission } from '../../auth/roles.js';
import type { GraphQLContext } from '../context.js';
import { AdminRole } from '../enums.js';
import { idArg, optionalId } from '../ids.js';
import { DateTime } from '../scalars.js';
import { AdminUserType, ApiTokenType, CreateApiTokenPayload, LoginPayload, ViewerType } from './auth.types.js';
import { unauthenticated } from '../../errors.js';

/** Sign-in, the caller, admin accounts and partner API tokens. */
@Resolver()
export class AuthResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The caller, or null when not signed in.' })
  me(@Ctx() ctx: GraphQLContext): ViewerType | null {
    const v = ctx.viewer;
    if (!v) return null;
    return v.kind === 'ADMIN'
      ? { kind: v.kind, email: v.email, role: v.role, tokenName: null, districtId: v.districtId }
      : { kind: v.kind, email: null, role: null, tokenName: v.name, districtId: v.districtId };
  }

  @Mutation(() => LoginPayload, {
    description:
      'Sign in with email and password; sets the httpOnly session cookie. UNAUTHENTICATED on a wrong email or password; RATE_LIMITED (HTTP 429, Retry-After) after repeated failures.',
  })
  async login(
    @Arg('email', () => String, { description: 'Sign-in email.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoginPayload> {
    await ctx.loginThrottle?.before(email, ctx.clientAddress);
    let session: Awaited<ReturnType<typeof ctx.admins.login>>;
    try {
      session = await ctx.admins.login(email, password);
    } catch (err) {
      await ctx.loginThrottle?.failed(email, ctx.clientAddress);
      throw err;
    }
    await ctx.loginThrottle?.succeeded(email, ctx.clientAddress);
    const { user, secret, expiresAt } = session;
    ctx.cookies?.set(secret, expiresAt);
    return { user, token: secret, expiresAt };
  }

  @Mutation(() => Boolean, { description: 'End the current session and clear its cookie.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    ctx.cookies?.clear();
    if (ctx.viewer?.kind !== 'ADMIN' || ctx.viewer.sessionId == null) return false;
    await ctx.admins.logout(ctx.viewer.sessionId);
    ctx.app.pubsub.publish(CREDENTIALS_REVOKED, { kind: 'SESSION', sessionId: ctx.viewer.sessionId });
    return true;
  }

  @Authorized(Permission.PLATFORM)
  @Mutation(() => AdminUserType, { description: 'Create an admin user (platform admins only).' })
  createAdminUser(
    @Arg('email', () => String, { description: 'Sign-in email.' }) email: string,
    @Arg('password', () => String, { description: 'Initial password (at least 10 characters).' }) password: string,
    @Arg('role', () => AdminRole, { description: 'Role.' }) role: AdminRole,
    @Arg('districtId', () => ID, { nullable: true, description: 'The district of a DISTRICT_ADMIN.' }) districtId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminUserType> {
    return ctx.admins.create({ email, password, role, districtId: optionalId(districtId) });
  }

  @Authorized(Permission.WRITE)
  @Query(() => [ApiTokenType], { description: 'Live API tokens of the districts the caller manages, newest first.' })
  apiTokens(
    @Arg('districtId', () => ID, { nullable: true, description: 'Only this district’s tokens.' }) districtId: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.apiTokens.list(ctx.scope, optionalId(districtId));
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => CreateApiTokenPayload, { description: 'Create a read-only API token for one district. The secret is in this answer only.' })
  async createApiToken(
    @Arg('districtId', () => ID, { description: 'The district the token may read.' }) districtId: string,
    @Arg('name', () => String, { description: 'What the token is for, e.g. the partner’s name.' }) name: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expiresAt', () => DateTime, { nullable: true, description: 'When the token stops working (in the future); omitted: until revoked.' })
    expiresAt?: Date | null,
  ): Promise<CreateApiTokenPayload> {
    if (ctx.viewer?.kind !== 'ADMIN') throw unauthenticated();
    return ctx.apiTokens.create(ctx.scope, { districtId: idArg(districtId, 'District'), name, createdBy: ctx.viewer.email, expiresAt: expiresAt ?? null });
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => ApiTokenType, { description: 'Revoke an API token; it stops working at once.' })
  async revokeApiToken(@Arg('id', () => ID, { description: 'Token id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    const token = await ctx.apiTokens.revoke(ctx.scope, idArg(id, 'API token'));
    ctx.app.pubsub.publish(CREDENTIALS_REVOKED, { kind: 'API_TOKEN', tokenId: token.id });
    return token;
  }
}

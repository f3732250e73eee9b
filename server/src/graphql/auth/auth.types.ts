import { Field, ID, ObjectType } from 'type-graphql';
import { AdminRole } from '../enums.js';
import { DateTime } from '../scalars.js';

@ObjectType('Viewer', { description: 'Who is calling: an admin user or a partner API token.' })
export class ViewerType {
  @Field(() => String, { description: 'ADMIN or API_TOKEN.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The admin’s email (admins).' })
  email!: string | null;

  @Field(() => AdminRole, { nullable: true, description: 'The admin’s role (admins).' })
  role!: AdminRole | null;

  @Field(() => String, { nullable: true, description: 'The token’s name (API tokens).' })
  tokenName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The one district a district admin or token is limited to; null for platform admins and support.' })
  districtId!: number | null;
}

@ObjectType('AdminUser', { description: 'Someone who signs in to the dashboard.' })
export class AdminUserType {
  @Field(() => ID, { description: 'Admin id.' })
  id!: number;

  @Field(() => String, { description: 'Sign-in email.' })
  email!: string;

  @Field(() => AdminRole, { description: 'What the admin may do.' })
  role!: AdminRole;

  @Field(() => ID, { nullable: true, description: 'The district of a district admin.' })
  districtId!: number | null;
}

@ObjectType('LoginPayload', { description: 'A new session. The dashboard uses the httpOnly cookie set with it; scripts send the token as a bearer.' })
export class LoginPayload {
  @Field(() => AdminUserType, { description: 'Who signed in.' })
  user!: AdminUserType;

  @Field(() => String, { description: 'Session token: send as "Authorization: Bearer <token>" from scripts (shown once).' })
  token!: string;

  @Field(() => DateTime, { description: 'When the session ends.' })
  expiresAt!: Date;
}

@ObjectType('ApiToken', { description: 'A partner system’s read-only key to one district’s roster. The secret is never shown again after creation.' })
export class ApiTokenType {
  @Field(() => ID, { description: 'Token id.' })
  id!: number;

  @Field(() => String, { description: 'What the token is for.' })
  name!: string;

  @Field(() => ID, { description: 'The district it may read.' })
  districtId!: number;

  @Field(() => String, { description: 'The first characters of the secret, to recognise it.' })
  prefix!: string;

  @Field(() => String, { nullable: true, description: 'Who created it.' })
  createdBy!: string | null;

  @Field(() => DateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was last used (to the minute).' })
  lastUsedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it stops working; null: until revoked.' })
  expiresAt!: Date | null;
}

@ObjectType('CreateApiTokenPayload', { description: 'A new token and its secret, shown this once.' })
export class CreateApiTokenPayload {
  @Field(() => ApiTokenType, { description: 'The token.' })
  token!: ApiTokenType;

  @Field(() => String, { description: 'The secret to send as "Authorization: Bearer <secret>". It cannot be read again.' })
  secret!: string;
}

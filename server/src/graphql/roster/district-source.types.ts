import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SourceKind } from '../enums.js';
import { DateTime } from '../scalars.js';

@InputType('SourceSettingsInput', {
  description: 'Source settings to set; omitted (or empty) fields keep their value, so one secret can be replaced without retyping the others.',
})
export class SourceSettingsInput {
  @Field(() => String, { nullable: true, description: 'API base URL (clever-api, oneroster-api).' })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'CSV export location: a server path, sftp://user@host[:port]/path (a zip, or a folder ending in "/"), or https://…/export.zip.',
  })
  path?: string | null;

  @Field(() => String, { nullable: true, description: 'OneRoster OAuth client id (the consumer key for OAuth 1.0a).' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: 'OneRoster auth: oauth2 (default) or oauth1.' })
  auth?: string | null;

  @Field(() => String, { nullable: true, description: 'OneRoster OAuth 2 token URL; default <url>/token.' })
  tokenUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'The SFTP server’s pinned host key, SHA256:… as a connection test shows it.' })
  hostKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Secret: Clever district token, or bearer token for an https:// export. Write-only.' })
  token?: string | null;

  @Field(() => String, { nullable: true, description: 'Secret: OneRoster client secret. Write-only.' })
  clientSecret?: string | null;

  @Field(() => String, { nullable: true, description: 'Secret: SFTP password, or HTTP Basic password (user in the URL). Write-only.' })
  password?: string | null;

  @Field(() => String, { nullable: true, description: 'Secret: SFTP private key (PEM or OpenSSH text). Write-only.' })
  privateKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'Demo source: number of students.' })
  students?: number | null;
}

@InputType('NewDistrictInput', { description: 'A district to create, with its source.' })
export class NewDistrictInput {
  @Field(() => String, { description: 'Unique name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone; default America/New_York.' })
  timezone?: string | null;

  @Field(() => SourceKind, { description: 'Kind of roster source.' })
  sourceKind!: SourceKind;

  @Field(() => SourceSettingsInput, { description: 'Where the source is and how to reach it.' })
  source!: SourceSettingsInput;
}

@ObjectType('SourceSecret', { description: 'Whether a secret setting is set, and when it last changed. Its value is never readable.' })
export class SourceSecretType {
  @Field(() => String, { description: 'token, clientSecret, password or privateKey.' })
  name!: string;

  @Field(() => Boolean, { description: 'True when a value is stored.' })
  set!: boolean;

  @Field(() => DateTime, { nullable: true, description: 'When it was last set.' })
  changedAt!: Date | null;
}

@ObjectType('SourceSettings', { description: 'Where a district’s roster comes from, without its secrets.' })
export class SourceSettingsType {
  @Field(() => SourceKind, { description: 'Kind of roster source.' })
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'The URL or path the source is read from.' })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'API base URL.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'CSV export location.' })
  path!: string | null;

  @Field(() => String, { nullable: true, description: 'OneRoster OAuth client id.' })
  clientId!: string | null;

  @Field(() => String, { nullable: true, description: 'OneRoster auth: oauth2 or oauth1.' })
  auth!: string | null;

  @Field(() => String, { nullable: true, description: 'OneRoster OAuth 2 token URL, when set.' })
  tokenUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Pinned SFTP host key fingerprint.' })
  hostKey!: string | null;

  @Field(() => [SourceSecretType], { description: 'The secret settings: set or not, and when.' })
  secrets!: SourceSecretType[];
}

@ObjectType('SourceTestCount', { description: 'Records of one entity type the source lists.' })
export class SourceTestCount {
  @Field(() => String, { description: 'Entity type.' })
  entity!: string;

  @Field(() => Int, { description: 'Number of records.' })
  count!: number;
}

@ObjectType('SourceTestResult', { description: 'What a read of source settings found, before they are saved.' })
export class SourceTestResultType {
  @Field(() => Boolean, { description: 'True when the source could be read.' })
  ok!: boolean;

  @Field(() => String, { description: 'What happened, in one sentence (never a secret).' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The district name the source reports.' })
  districtName!: string | null;

  @Field(() => [SourceTestCount], { description: 'Records per entity type.' })
  counts!: SourceTestCount[];

  @Field(() => String, { nullable: true, description: 'The SFTP server’s host key fingerprint, when one was seen (pin it as hostKey).' })
  hostKey!: string | null;
}

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { HomeroomPubSub } from '../events/pubsub.js';
import { authChecker } from './auth-checker.js';
import { AuthResolver } from './auth/auth.resolver.js';
import './enums.js';
import { DistrictResolver } from './roster/district.resolver.js';
import { EnrollmentResolver } from './roster/enrollment.resolver.js';
import { DistrictSourceResolver } from './roster/district-source.resolver.js';
import { PersonExtraResolver, SchoolExtraResolver, SectionExtraResolver } from './roster/extra-fields.resolver.js';
import { PersonResolver } from './roster/person.resolver.js';
import { SectionResolver } from './roster/section.resolver.js';
import { RosterEventsResolver } from './events/roster-events.resolver.js';
import { SyncChangeResolver } from './sync/sync-change.resolver.js';
import { PersonChangeResolver, PersonHistoryResolver } from './sync/person-history.resolver.js';
import { SyncControlResolver } from './sync/sync-control.resolver.js';
import { SyncRunUpdateResolver } from './sync/sync-run-update.resolver.js';
import { SyncRunResolver } from './sync/sync-run.resolver.js';

/** Every resolver class of the API; a new feature adds its resolver here. */
export const RESOLVERS = [
  AuthResolver,
  DistrictResolver,
  DistrictSourceResolver,
  SectionResolver,
  PersonResolver,
  SchoolExtraResolver,
  PersonExtraResolver,
  SectionExtraResolver,
  EnrollmentResolver,
  RosterEventsResolver,
  SyncRunResolver,
  SyncChangeResolver,
  PersonHistoryResolver,
  PersonChangeResolver,
  SyncControlResolver,
  SyncRunUpdateResolver,
] as const;

/** The executable schema, shared by HTTP (Apollo) and websocket (graphql-ws) transports. */
export function buildHomeroomSchema(pubsub: HomeroomPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    pubSub: pubsub,
    authChecker,
    authMode: 'error',
    validate: false,
  });
}

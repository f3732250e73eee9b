import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { HomeroomPubSub } from '../pubsub.js';
import './enums.js';
import { DistrictResolver } from './roster/district.resolver.js';
import { SectionResolver } from './roster/section.resolver.js';
import { SyncRunResolver } from './sync/sync-run.resolver.js';

/** Every resolver class of the API; a new feature adds its resolver here. */
export const RESOLVERS = [DistrictResolver, SectionResolver, SyncRunResolver] as const;

/** The executable schema, shared by HTTP (Apollo) and websocket (graphql-ws) transports. */
export function buildHomeroomSchema(pubsub: HomeroomPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    pubSub: pubsub,
    validate: false,
  });
}

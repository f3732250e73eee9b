import type { AppContext } from '../app-context.js';
import { RosterQueryService } from '../roster/roster-query.service.js';
import { SyncRunQueryService } from '../roster/sync-run-query.service.js';
import { createRosterLoaders, type RosterLoaders } from './dataloaders.js';

/** What resolvers see: the services they delegate to and this request's loaders. */
export interface GraphQLContext {
  app: AppContext;
  roster: RosterQueryService;
  syncRuns: SyncRunQueryService;
  loaders: RosterLoaders;
}

/** A fresh context per HTTP request or websocket operation (loaders must not outlive it). */
export function createGraphQLContext(app: AppContext): GraphQLContext {
  const roster = new RosterQueryService(app.ds);
  return { app, roster, syncRuns: new SyncRunQueryService(app.ds), loaders: createRosterLoaders(roster) };
}

import type { AppContext } from '../app-context.js';
import type { District } from '../roster/district.entity.js';
import { AdminUserService } from '../auth/admin-user.service.js';
import { ApiTokenService } from '../auth/api-token.service.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import { DistrictScope, type Viewer } from '../auth/viewer.js';
import type { SyncLauncher } from '../sync/sync-launcher.js';
import { RosterEventService } from '../sync/events/roster-event.service.js';
import { runServiceFor } from '../sync/run-recovery.js';
import { SyncControlService } from '../sync/sync-control.service.js';
import { PersonHistoryService } from '../sync/person-history.service.js';
import { SyncReportService } from '../sync/sync-report.service.js';
import { SyncSettingsService } from '../sync/sync-settings.service.js';
import { SourceSettingsService } from '../sync/source-settings.service.js';
import { WhyNotSyncedService } from '../sync/why-not-synced.service.js';
import { createRosterLoaders, type RosterLoaders } from './dataloaders.js';
import { RosterReader } from './roster/roster-reader.service.js';

/** How a resolver sets or clears the dashboard's session cookie (HTTP only; null over websockets). */
export interface SessionCookies {
  set(secret: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * What resolvers see: the caller, its district scope, and services already bound to that
 * scope. Authorization lives in the auth checker (roles) and these services (districts).
 */
export interface GraphQLContext {
  app: AppContext;
  viewer: Viewer | null;
  scope: DistrictScope;
  roster: RosterReader;
  rosterEvents: RosterEventService;
  syncReports: SyncReportService;
  personHistory: PersonHistoryService;
  syncControl: SyncControlService;
  syncSettings: SyncSettingsService;
  sourceSettings: SourceSettingsService;
  whyNotSynced: WhyNotSyncedService;
  admins: AdminUserService;
  apiTokens: ApiTokenService;
  loaders: RosterLoaders;
  cookies: SessionCookies | null;
  /** The sign-in throttle (null: none, e.g. in-process tools). */
  loginThrottle: LoginThrottle | null;
  /** The caller's network address (what the sign-in throttle counts by). */
  clientAddress: string;
}

export interface ContextOptions {
  viewer: Viewer | null;
  /** An API token's district as read with the token for this request (HTTP only). */
  tokenDistrict?: District | null;
  launcher: SyncLauncher;
  cookies?: SessionCookies | null;
  loginThrottle?: LoginThrottle | null;
  clientAddress?: string | null;
}

/** A fresh context per HTTP request or websocket operation (loaders must not outlive it). */
export function createGraphQLContext(app: AppContext, options: ContextOptions): GraphQLContext {
  const { viewer } = options;
  const scope = DistrictScope.of(viewer);
  const roster = new RosterReader(app.ds, scope, viewer?.kind === 'ADMIN', options.tokenDistrict ?? null);
  const syncReports = new SyncReportService(app.ds, scope);
  const requestedBy = viewer?.kind === 'ADMIN' ? viewer.email : viewer ? `token:${viewer.name}` : null;
  return {
    app,
    viewer,
    scope,
    roster,
    rosterEvents: RosterEventService.create(app.ds, scope, app.config.secretKey, app.config.runDetailRetentionDays),
    syncReports,
    personHistory: new PersonHistoryService(app.ds, scope),
    syncControl: new SyncControlService(app.ds, scope, options.launcher, requestedBy, runServiceFor(app)),
    syncSettings: new SyncSettingsService(app, scope),
    sourceSettings: new SourceSettingsService(app, scope),
    whyNotSynced: new WhyNotSyncedService(app.ds, scope),
    admins: new AdminUserService(app.ds),
    apiTokens: new ApiTokenService(app.ds),
    loaders: createRosterLoaders(roster, syncReports),
    cookies: options.cookies ?? null,
    loginThrottle: options.loginThrottle ?? null,
    clientAddress: options.clientAddress ?? 'unknown',
  };
}

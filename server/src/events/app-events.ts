// The events processes publish to each other (a run's progress, revoked credentials) and
// their payloads: what events/pubsub.ts carries, in process or through Redis.
import type { PubSub } from '@graphql-yoga/subscription';
import type { SyncPhase, SyncStatus } from '../sync/sync-enums.js';

/** What a subscriber to a run sees: published on every status/phase change and at most every 250 ms of progress. */
export interface SyncRunUpdate {
  runId: number;
  districtId: number;
  status: SyncStatus;
  phase: SyncPhase | null;
  percent: number;
  etaSeconds: number | null;
  processed: Record<string, number>;
  total: Record<string, number>;
}

/**
 * Published (through Redis when configured) when credentials stop being valid before
 * their expiry: every API process closes the websockets opened with them.
 */
export type CredentialsRevoked = { kind: 'SESSION'; sessionId: number } | { kind: 'API_TOKEN'; tokenId: number };

/** Every event of the app's PubSub and its payload. */
export type AppEvents = { SYNC_RUN_UPDATED: [SyncRunUpdate]; CREDENTIALS_REVOKED: [CredentialsRevoked] };

export type HomeroomPubSub = PubSub<AppEvents>;

export const SYNC_RUN_UPDATED = 'SYNC_RUN_UPDATED';
export const CREDENTIALS_REVOKED = 'CREDENTIALS_REVOKED';

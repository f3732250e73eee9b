import type { Viewer } from './viewer.js';

/**
 * Published (through Redis when configured) when credentials stop being valid before
 * their expiry: every API process closes the websockets opened with them.
 */
export type CredentialsRevoked = { kind: 'SESSION'; sessionId: number } | { kind: 'API_TOKEN'; tokenId: number };

export const CREDENTIALS_REVOKED = 'CREDENTIALS_REVOKED';

/** Whether a revocation concerns this caller. */
export function isRevoked(viewer: Viewer, event: CredentialsRevoked): boolean {
  if (event.kind === 'SESSION') return viewer.kind === 'ADMIN' && viewer.sessionId === event.sessionId;
  return viewer.kind === 'API_TOKEN' && viewer.tokenId === event.tokenId;
}

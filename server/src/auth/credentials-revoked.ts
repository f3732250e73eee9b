import type { CredentialsRevoked } from '../events/app-events.js';
import type { Viewer } from './viewer.js';

export { CREDENTIALS_REVOKED, type CredentialsRevoked } from '../events/app-events.js';

/** Whether a revocation concerns this caller. */
export function isRevoked(viewer: Viewer, event: CredentialsRevoked): boolean {
  if (event.kind === 'SESSION') return viewer.kind === 'ADMIN' && viewer.sessionId === event.sessionId;
  return viewer.kind === 'API_TOKEN' && viewer.tokenId === event.tokenId;
}

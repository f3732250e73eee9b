import type { District } from '../roster/district.entity.js';
import type { Viewer } from './viewer.js';

/** An API token as a request sees it: the caller and the token's district. */
export interface AuthenticatedToken {
  viewer: Extract<Viewer, { kind: 'API_TOKEN' }>;
  district: District;
}

/** How long a process trusts a token it has read: the longest a revocation elsewhere takes to apply here. */
export const TOKEN_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Tokens this process read in the last few seconds, by secret hash. A partner's pull sends
 * hundreds of requests a minute with one token; reading it (and its district) for each was
 * one statement in three of the roster API's. A revocation or district change made in this
 * process applies at once (`forgetToken`, `forgetDistrict`); one made in another process
 * applies here through CREDENTIALS_REVOKED on the shared PubSub, and at the latest after
 * TOKEN_CACHE_MS. Expiry is checked on every use.
 */
export class ApiTokenCache {
  private readonly entries = new Map<string, { token: AuthenticatedToken; until: number }>();

  get(hash: string, now = Date.now()): AuthenticatedToken | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    const expiresAt = entry.token.viewer.expiresAt;
    if (entry.until <= now || (expiresAt && expiresAt.getTime() <= now)) {
      this.entries.delete(hash);
      return null;
    }
    return entry.token;
  }

  set(hash: string, token: AuthenticatedToken, now = Date.now()): void {
    // Map order is insertion order: the oldest entry goes first.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { token, until: now + TOKEN_CACHE_MS });
  }

  forgetToken(tokenId: number): void {
    for (const [hash, e] of this.entries) if (e.token.viewer.tokenId === tokenId) this.entries.delete(hash);
  }

  forgetDistrict(districtId: number): void {
    for (const [hash, e] of this.entries) if (e.token.district.id === districtId) this.entries.delete(hash);
  }
}

/** This process's cache (one per process: every API process reads tokens on its own). */
export const API_TOKEN_CACHE = new ApiTokenCache();

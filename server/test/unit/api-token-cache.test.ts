import { describe, expect, it } from '@jest/globals';
import { ApiTokenCache, TOKEN_CACHE_MS, type AuthenticatedToken } from '../../src/auth/api-token-cache.js';
import type { District } from '../../src/roster/district.entity.js';

const token = (tokenId: number, districtId: number, expiresAt: Date | null = null): AuthenticatedToken => ({
  viewer: { kind: 'API_TOKEN', tokenId, name: `token ${tokenId}`, districtId, expiresAt },
  district: { id: districtId, name: `District ${districtId}` } as District,
});

describe('the per-process API token cache', () => {
  it('trusts a token it read for TOKEN_CACHE_MS, no longer', () => {
    const cache = new ApiTokenCache();
    cache.set('a', token(1, 1), 1_000);
    expect(cache.get('a', 1_000 + TOKEN_CACHE_MS - 1)?.viewer.tokenId).toBe(1);
    expect(cache.get('a', 1_000 + TOKEN_CACHE_MS)).toBeNull();
    expect(cache.get('b', 1_000)).toBeNull();
  });

  it('refuses a token whose expiry passes while it is cached', () => {
    const cache = new ApiTokenCache();
    cache.set('a', token(1, 1, new Date(2_000)), 1_000);
    expect(cache.get('a', 1_999)).not.toBeNull();
    expect(cache.get('a', 2_000)).toBeNull();
  });

  it('forgets a revoked token, and every token of a changed district', () => {
    const cache = new ApiTokenCache();
    cache.set('a', token(1, 1), 0);
    cache.set('b', token(2, 1), 0);
    cache.set('c', token(3, 2), 0);
    cache.forgetToken(1);
    expect([cache.get('a', 1), cache.get('b', 1)?.viewer.tokenId, cache.get('c', 1)?.viewer.tokenId]).toEqual([null, 2, 3]);
    cache.forgetDistrict(1);
    expect([cache.get('b', 1), cache.get('c', 1)?.viewer.tokenId]).toEqual([null, 3]);
  });
});

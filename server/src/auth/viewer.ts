import { AdminRole } from './roles.js';
import { notFound } from '../errors.js';

/** Who is calling: an admin user (session) or a partner API token. Anonymous callers have none. */
export type Viewer =
  | { kind: 'ADMIN'; userId: number; email: string; role: AdminRole; districtId: number | null; sessionId: number | null; expiresAt?: Date | null }
  | { kind: 'API_TOKEN'; tokenId: number; name: string; districtId: number; expiresAt?: Date | null };

/**
 * The districts a caller may read and write. Services apply it to every query so that
 * a record outside the scope looks exactly like one that does not exist (NOT_FOUND).
 */
export class DistrictScope {
  private constructor(
    /** null: every district. */
    private readonly readIds: number[] | null,
    private readonly writeIds: number[] | null,
  ) {}

  static of(viewer: Viewer | null): DistrictScope {
    if (!viewer) return new DistrictScope([], []);
    if (viewer.kind === 'API_TOKEN') return new DistrictScope([viewer.districtId], []);
    switch (viewer.role) {
      case AdminRole.PLATFORM_ADMIN:
        return new DistrictScope(null, null);
      case AdminRole.SUPPORT:
        return new DistrictScope(null, []);
      case AdminRole.DISTRICT_ADMIN: {
        const ids = viewer.districtId == null ? [] : [viewer.districtId];
        return new DistrictScope(ids, ids);
      }
    }
  }

  /** Every district (platform admin and support). */
  static all(): DistrictScope {
    return new DistrictScope(null, null);
  }

  /** The readable district ids, or null for all. */
  get districtIds(): number[] | null {
    return this.readIds ? [...this.readIds] : null;
  }

  /** True for callers who may change every district (platform admins): only they create districts. */
  get writesAll(): boolean {
    return this.writeIds === null;
  }

  canRead(districtId: number): boolean {
    return this.readIds === null || this.readIds.includes(districtId);
  }

  canWrite(districtId: number): boolean {
    return this.writeIds === null || this.writeIds.includes(districtId);
  }

  /** Throws NOT_FOUND (never FORBIDDEN: that would confirm the district exists). */
  assertRead(districtId: number, what = `District ${districtId}`): void {
    if (!this.canRead(districtId)) throw notFound(what);
  }

  assertWrite(districtId: number, what = `District ${districtId}`): void {
    if (!this.canWrite(districtId)) throw notFound(what);
  }
}

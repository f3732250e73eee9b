/** What an admin user may do: platform admin, support (read every district), district admin (their districts). */
export enum AdminRole {
  /** Everything, in every district. */
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  /** Read-only, every district: runs, changes, issues, rosters. */
  SUPPORT = 'SUPPORT',
  /** Read and write, one district. */
  DISTRICT_ADMIN = 'DISTRICT_ADMIN',
}

/**
 * The permission names resolvers declare with `@Authorized(...)`; the auth checker is the
 * only place that maps them to callers.
 */
export enum Permission {
  /** Any admin user (not a partner token). */
  ADMIN = 'ADMIN',
  /** Changes a district: platform admins and district admins. */
  WRITE = 'WRITE',
  /** Platform admins only. */
  PLATFORM = 'PLATFORM',
}

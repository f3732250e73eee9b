import { AdminRole, Permission } from '../auth/roles.js';
import type { GraphQLContext } from './context.js';
import { forbidden, unauthenticated } from '../errors.js';

/**
 * The one place that maps callers to permissions. `@Authorized()` needs any caller;
 * `@Authorized(Permission.X)` needs that permission. District limits are the scope's job.
 */
export const authChecker = ({ context }: { context: GraphQLContext }, permissions: Permission[]): true => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (permissions.length === 0) return true;
  const granted = new Set<Permission>();
  if (viewer.kind === 'ADMIN') {
    granted.add(Permission.ADMIN);
    if (viewer.role === AdminRole.PLATFORM_ADMIN) granted.add(Permission.PLATFORM).add(Permission.WRITE);
    if (viewer.role === AdminRole.DISTRICT_ADMIN) granted.add(Permission.WRITE);
  }
  if (permissions.some((p) => granted.has(p))) return true;
  throw forbidden(viewer.kind === 'API_TOKEN' ? 'API tokens have read-only access to their district’s roster' : `The ${viewer.role} role may not do this`);
};

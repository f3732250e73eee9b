import type { AppContext } from '../app-context.js';
import { AdminUserService } from './admin-user.service.js';
import { randomSecret } from './password.js';
import { AdminRole } from './roles.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.local';

/**
 * For `npm start` on an empty database: a platform admin with a random password, printed
 * once (it is stored only as a hash). Does nothing when any admin exists.
 */
export async function createDemoAdmin(app: AppContext, io: { out(line: string): void }): Promise<{ email: string; password: string } | null> {
  const admins = new AdminUserService(app.ds);
  if ((await admins.count()) > 0) return null;
  const password = randomSecret(12);
  await admins.create({ email: DEMO_ADMIN_EMAIL, password, role: AdminRole.PLATFORM_ADMIN });
  io.out(`Sign in as ${DEMO_ADMIN_EMAIL} with password ${password}  (shown once; create more admins with \`homeroom admin create\`).`);
  return { email: DEMO_ADMIN_EMAIL, password };
}

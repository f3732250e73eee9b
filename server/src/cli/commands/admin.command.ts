import { AdminUserService } from '../../auth/admin-user.service.js';
import { randomSecret } from '../../auth/password.js';
import { AdminRole } from '../../auth/roles.js';
import { DistrictService } from '../../roster/district.service.js';
import { choiceOption, UsageError, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';

const ROLES = ['platform_admin', 'support', 'district_admin'] as const;

export const adminCreateCommand: CommandRunner = {
  async run(v, _p, io) {
    if (!v.email) throw new UsageError('--email is required');
    const role = choiceOption(v.role as string | undefined, 'role', ROLES);
    if (!role) throw new UsageError('--role is required');
    if (role === 'district_admin' && !v.district) throw new UsageError('a district_admin needs --district (id or exact name)');
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const districtId = v.district ? (await new DistrictService(app.ds, app.config.secretKey).get(String(v.district))).id : null;
      const password = v.password ? String(v.password) : randomSecret(12);
      const user = await new AdminUserService(app.ds).create({ email: String(v.email), password, role: role.toUpperCase() as AdminRole, districtId });
      const shown = v.password ? undefined : password;
      if (v.json) io.out(JSON.stringify({ id: user.id, email: user.email, role: user.role, districtId: user.districtId, password: shown }));
      else io.out(`Created ${user.role} ${user.email}${districtId ? ` for district ${districtId}` : ''}.${shown ? ` Password (shown once): ${shown}` : ''}`);
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};

import { ApiTokenService } from '../../auth/api-token.service.js';
import { DistrictScope } from '../../auth/viewer.js';
import { DistrictService } from '../../roster/district.service.js';
import { UsageError, type CliCommand } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';

export const tokenCreateCommand: CliCommand = {
  path: ['token', 'create'],
  summary: 'Create a read-only partner API token for one district (prints the secret once)',
  usage: 'homeroom token create --district D --name N [--json]',
  options: { district: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
  async run(v, _p, io) {
    if (!v.district) throw new UsageError('--district is required (id or exact name)');
    if (!v.name) throw new UsageError('--name is required');
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const district = await new DistrictService(app.ds, app.config.secretKey).get(String(v.district));
      const { token, secret } = await new ApiTokenService(app.ds).create(DistrictScope.all(), { districtId: district.id, name: String(v.name), createdBy: 'cli' });
      if (v.json) io.out(JSON.stringify({ id: token.id, name: token.name, districtId: district.id, token: secret }));
      else io.out(`Created token ${token.id} "${token.name}" for district ${district.id} "${district.name}". Secret (shown once):\n${secret}`);
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};

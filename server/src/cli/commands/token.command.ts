import { ApiTokenService } from '../../auth/api-token.service.js';
import { DistrictScope } from '../../auth/viewer.js';
import { isCalendarDate } from '../../roster/district-settings.validation.js';
import { DistrictService } from '../../roster/district.service.js';
import { UsageError, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';

export const tokenCreateCommand: CommandRunner = {
  async run(v, _p, io) {
    if (!v.district) throw new UsageError('--district is required (id or exact name)');
    if (!v.name) throw new UsageError('--name is required');
    let expiresAt: Date | null = null;
    if (v.expires !== undefined) {
      const day = String(v.expires);
      if (!isCalendarDate(day)) throw new UsageError(`--expires must be a real date as YYYY-MM-DD, got "${day}"`);
      // Valid through that whole day (UTC).
      expiresAt = new Date(`${day}T23:59:59.999Z`);
    }
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const district = await new DistrictService(app.ds, app.config.secretKey).get(String(v.district));
      const { token, secret } = await new ApiTokenService(app.ds).create(DistrictScope.all(), {
        districtId: district.id,
        name: String(v.name),
        createdBy: 'cli',
        expiresAt,
      });
      if (v.json)
        io.out(JSON.stringify({ id: token.id, name: token.name, districtId: district.id, expiresAt: token.expiresAt?.toISOString() ?? null, token: secret }));
      else
        io.out(
          `Created token ${token.id} "${token.name}" for district ${district.id} "${district.name}"${token.expiresAt ? `, valid until ${token.expiresAt.toISOString()}` : ''}. Secret (shown once):\n${secret}`,
        );
    } finally {
      await closeApp(app);
    }
    return 0;
  },
};

import { DistrictService } from '../../roster/district.service.js';
import { testDistrictConnection } from '../../sync/test-connection.service.js';
import { UsageError, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';

const ORDER = ['schools', 'terms', 'courses', 'people', 'sections', 'enrollments'] as const;

export const districtTestCommand: CommandRunner = {
  async run(v, positionals, io) {
    if (positionals.length !== 1) throw new UsageError('Name exactly one district (id or name)');
    const app = await openApp(io.env, { quietLogs: true });
    try {
      const district = await new DistrictService(app.ds, app.config.secretKey).get(positionals[0]);
      const r = await testDistrictConnection(app, district.id);
      if (v.json) io.out(JSON.stringify(r));
      else if (!r.ok) io.err(`Connection failed for "${district.name}" (${r.sourceKind}): ${r.error}`);
      else {
        io.out(
          `Connected: "${district.name}" (${r.sourceKind})${r.districtName ? ` is "${r.districtName}" at the source` : ''} — ${(r.elapsedMs / 1000).toFixed(1)} s`,
        );
        for (const e of ORDER) if (r.counts[e] !== undefined) io.out(`  ${e.padEnd(12)} ${r.counts[e]}`);
        if (r.hostKey) io.out(`  host key     ${r.hostKey} (pinned)`);
      }
      return r.ok ? 0 : 1;
    } finally {
      await closeApp(app);
    }
  },
};

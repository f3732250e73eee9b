import { loadConfig } from '../../config.js';
import { openPlainReader } from '../../db/plain-reader.js';
import { scheduledSyncBlocker } from '../../jobs/scheduled-sync-blocker.js';
import type { District } from '../../roster/district.entity.js';
import { byDistrictName, districtFromRow } from '../../roster/district-row.js';
import { decryptSourceConfig } from '../../roster/source-config.crypto.js';
import type { CommandRunner } from '../cli-command.js';
import { districtSummary } from './district-summary.js';

/**
 * The districts, read through the driver alone when the database is up to date, so the
 * command starts at once; otherwise (a new or older database) through the app, which migrates.
 */
async function readDistricts(env: Record<string, string | undefined>): Promise<District[]> {
  const config = loadConfig(env);
  const reader = await openPlainReader(config.databaseUrl);
  if (!reader) {
    const { openApp, closeApp } = await import('../cli-context.js');
    const { DistrictService } = await import('../../roster/district.service.js');
    const app = await openApp(env, { quietLogs: true });
    try {
      return await new DistrictService(app.ds, app.config.secretKey).list();
    } finally {
      await closeApp(app);
    }
  }
  try {
    return (await reader.all('SELECT * FROM district')).map(districtFromRow).sort(byDistrictName);
  } finally {
    await reader.close();
  }
}

export const districtListCommand: CommandRunner = {
  async run(v, _p, io) {
    const { secretKey } = loadConfig(io.env);
    const districts = await readDistricts(io.env);
    const rows = districts.map((d) => ({
      ...districtSummary(d, decryptSourceConfig(d.sourceConfigEncrypted, secretKey)),
      noScheduledSyncReason: scheduledSyncBlocker(d),
    }));
    if (v.json) io.out(JSON.stringify(rows));
    else if (rows.length === 0) io.out('No districts yet. Create one with `homeroom district create` or `homeroom demo`.');
    else
      for (const r of rows)
        io.out(
          `${String(r.id).padStart(4)}  ${r.name.padEnd(30)} ${r.source.padEnd(14)} ${r.location ?? ''}${r.noScheduledSyncReason ? `  (no scheduled sync: ${r.noScheduledSyncReason})` : ''}`.trimEnd(),
        );
    return 0;
  },
};

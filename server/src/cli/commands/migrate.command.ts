import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/data-source.js';
import type { CommandRunner } from '../cli-command.js';

export const migrateCommand: CommandRunner = {
  async run(_v, _p, io) {
    const config = loadConfig(io.env);
    const ds = await openDatabase(config.databaseUrl, { migrate: false });
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      io.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
    } finally {
      await ds.destroy();
    }
    return 0;
  },
};

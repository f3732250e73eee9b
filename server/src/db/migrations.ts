import { MYSQL_MIGRATIONS } from '../../../migrations/mysql/index.js';
import { SQLITE_MIGRATIONS } from '../../../migrations/sqlite/index.js';

/** Migration classes per dialect; `server/scripts/generate-migration.ts` writes new ones (docs/ARCHITECTURE.md, where to add a migration). */
export const MIGRATIONS = {
  mysql: MYSQL_MIGRATIONS,
  sqlite: SQLITE_MIGRATIONS,
};

import { MYSQL_MIGRATIONS } from '../../../migrations/mysql/index.js';
import { SQLITE_MIGRATIONS } from '../../../migrations/sqlite/index.js';

/** Migration classes per dialect; `homeroom migration:generate` appends to these lists. */
export const MIGRATIONS = {
  mysql: MYSQL_MIGRATIONS,
  sqlite: SQLITE_MIGRATIONS,
};

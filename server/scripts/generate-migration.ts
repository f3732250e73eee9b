// Dev tool: `node bin/run-ts.mjs server/scripts/generate-migration.ts <Name>` writes a migration per dialect.
import { generateMigrations } from '../src/db/migration-generator.js';

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: generate-migration <Name> (letters and digits)');
  process.exit(2);
}
const files = await generateMigrations(name, process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');
console.log(files.length ? files.join('\n') : 'No schema changes: nothing written.');
process.exit(0);

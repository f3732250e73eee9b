import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Dialect } from './database-url.js';
import { withDatabaseName } from './database-url.js';
import { createDataSource, dropMysqlDatabase, ensureDatabaseExists } from './data-source.js';
import { pendingSchemaChanges, type SchemaDiff } from './schema-drift.js';

function escapeTemplate(sql: string): string {
  return sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function migrationSource(className: string, diff: SchemaDiff): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(\`${escapeTemplate(q)}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`;
}

/**
 * Writes a generated file laid out as `npm run lint` expects (Prettier with the repository's
 * config). Prettier is a development dependency, loaded only here: the server never needs it.
 */
async function writeFormatted(file: string, source: string): Promise<void> {
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(file);
  writeFileSync(file, await prettier.format(source, { ...options, filepath: file }));
}

async function diffFor(dialect: Dialect, mysqlUrl: string): Promise<SchemaDiff> {
  let url: string;
  let tmp: string | null = null;
  let mariadb = false;
  if (dialect === 'sqlite') {
    tmp = mkdtempSync(join(tmpdir(), 'homeroom-gen-'));
    url = `sqlite:${join(tmp, 'gen.sqlite')}`;
  } else {
    url = withDatabaseName(mysqlUrl, 'homeroom_migration_gen');
    await dropMysqlDatabase(url);
    mariadb = await ensureDatabaseExists(url);
  }
  const ds = createDataSource(url, { mariadb });
  await ds.initialize();
  try {
    await ds.runMigrations();
    return await pendingSchemaChanges(ds);
  } finally {
    await ds.destroy();
    if (dialect === 'mysql') await dropMysqlDatabase(url);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Writes a migration per dialect holding what the entities need beyond the existing
 * migrations, and appends it to that dialect's index. Returns the files written.
 */
export async function generateMigrations(name: string, mysqlUrl: string, repoRoot = process.cwd()): Promise<string[]> {
  const stamp = Date.now();
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${stamp}`;
  const written: string[] = [];
  for (const dialect of ['sqlite', 'mysql'] as Dialect[]) {
    const diff = await diffFor(dialect, mysqlUrl);
    if (diff.up.length === 0) continue;
    const dir = resolve(repoRoot, 'migrations', dialect);
    const file = `${stamp}-${name}`;
    await writeFormatted(join(dir, `${file}.ts`), migrationSource(className, diff));
    const indexFile = join(dir, 'index.ts');
    const constName = `${dialect.toUpperCase()}_MIGRATIONS`;
    // The index imports each migration class on its own line, in order: those lines are the list.
    const imports = [...readFileSync(indexFile, 'utf8').matchAll(/^import \{ \w+ \} from '\.\/.*$/gm)].map((m) => m[0]);
    const classes = imports.map((line) => /\{ (\w+) \}/.exec(line)![1]);
    imports.push(`import { ${className} } from './${file}.js';`);
    classes.push(className);
    await writeFormatted(
      indexFile,
      `// Generated list, in order; see server/src/db/migration-generator.ts.\nimport type { MigrationInterface } from 'typeorm';\n${imports.join('\n')}\n\nexport const ${constName}: (new () => MigrationInterface)[] = [\n${classes.map((c) => `  ${c},`).join('\n')}\n];\n`,
    );
    written.push(join(dir, `${file}.ts`));
  }
  return written;
}

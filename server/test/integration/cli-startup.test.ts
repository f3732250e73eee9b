import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(process.cwd(), '..');
const TRACER = resolve(process.cwd(), 'test/support/import-trace.mjs');
const run = promisify(execFile);

/** The packages a `homeroom` command imports (the built CLI, as users run it). */
async function packagesImportedBy(args: string[], env: Record<string, string> = {}): Promise<Set<string>> {
  const trace = join(mkdtempSync(join(tmpdir(), 'homeroom-trace-')), 'imports.txt');
  await run(process.execPath, ['--import', TRACER, join(ROOT, 'bin/homeroom.mjs'), ...args], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', IMPORT_TRACE_FILE: trace, ...env },
  });
  const urls = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  return new Set(urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => Boolean(p)));
}

const SERVER_PACKAGES = ['graphql', 'type-graphql', '@apollo/server', 'agenda', 'ioredis', 'nodemailer', 'express'];

// Start-up cost is what a command imports: checked by listing imports, not by timing.
describe('homeroom start-up', () => {
  it("answers --help and a command's --help without loading the database layer or the server", async () => {
    for (const args of [['--help'], ['district', 'list', '--help'], ['sync', '--help']]) {
      const loaded = await packagesImportedBy(args);
      for (const heavy of ['typeorm', 'better-sqlite3', 'mysql2', 'pino', ...SERVER_PACKAGES])
        expect({ args, heavy, loaded: loaded.has(heavy) }).toEqual({ args, heavy, loaded: false });
    }
  });

  it('lists districts with the database layer only: no GraphQL, Agenda, Redis or mail', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'homeroom-startup-')), 'h.sqlite');
    const loaded = await packagesImportedBy(['district', 'list'], { DATABASE_URL: `sqlite:${db}`, DATA_DIR: join(db, '..') });
    expect(loaded.has('typeorm')).toBe(true);
    for (const heavy of SERVER_PACKAGES) expect({ heavy, loaded: loaded.has(heavy) }).toEqual({ heavy, loaded: false });
  });
});

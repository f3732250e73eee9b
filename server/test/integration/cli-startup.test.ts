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

  it('lists districts of an up-to-date database through the driver alone (no ORM), and a new one through the app, which migrates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeroom-startup-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'h.sqlite')}`, DATA_DIR: dir };
    // A new database: the app opens it and migrates, so the ORM loads (the server still does not).
    const first = await packagesImportedBy(['district', 'list'], env);
    expect(first.has('typeorm')).toBe(true);
    for (const heavy of SERVER_PACKAGES) expect({ heavy, loaded: first.has(heavy) }).toEqual({ heavy, loaded: false });
    await run(process.execPath, [join(ROOT, 'bin/homeroom.mjs'), 'district', 'create', '--name', 'Startup District', '--source', 'demo'], {
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    });
    const loaded = await packagesImportedBy(['district', 'list'], env);
    expect({ typeorm: loaded.has('typeorm'), sqlite: loaded.has('better-sqlite3') }).toEqual({ typeorm: false, sqlite: true });
    for (const heavy of ['pino', ...SERVER_PACKAGES]) expect({ heavy, loaded: loaded.has(heavy) }).toEqual({ heavy, loaded: false });
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/homeroom.mjs'), 'district', 'list', '--json'], {
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    });
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ name: 'Startup District', source: 'demo', location: 'generated, 2000 students', schools: 'all', syncEnabled: true }),
    ]);
  });
});

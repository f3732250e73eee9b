// `npm run build -w server` output runs without the TypeScript sources, as in the Docker image.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(process.cwd(), existsSync(join(process.cwd(), 'codegen.yml')) ? '.' : '..');

describe('the built server without server/src (as in the Docker runtime image)', () => {
  let dir: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['bin/homeroom.mjs', ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH!,
        NODE_ENV: 'production',
        SECRET_KEY: 'built-image-test-secret',
        DATA_DIR: join(dir, 'data'),
        DATABASE_URL: `sqlite:${join(dir, 'data/h.sqlite')}`,
        LOG_LEVEL: 'warn',
        ...env,
      },
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'homeroom-image-'));
    // The same compiler run as `npm run build -w server` (tsc -p tsconfig.build.json), into the copy.
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'server/tsconfig.build.json'), '--outDir', join(dir, 'server/dist')],
      { stdio: 'pipe' },
    );
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'schema'), join(dir, 'schema'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    cpSync(join(ROOT, 'server/package.json'), join(dir, 'server/package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tsc puts the entry where bin/run-ts.mjs looks for it', () => {
    expect(existsSync(join(dir, 'server/src'))).toBe(false);
    expect(existsSync(join(dir, 'server/dist/server/src/cli/main.js'))).toBe(true);
    expect(existsSync(join(dir, 'server/dist/migrations/sqlite/index.js'))).toBe(true);
  });

  it('`homeroom --help` works', () => {
    const r = run(['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/migrate/);
  });

  it('migrate and a demo sync work from dist (decorator metadata survived the build)', () => {
    const m = run(['migrate']);
    expect([m.status, m.stderr]).toEqual([0, '']);
    const d = run(['demo', '--students', '50', '--name', 'Image Demo']);
    expect([d.status, d.stderr]).toEqual([0, '']);
    expect(d.stdout).toMatch(/run \d+ LAUNCHED/);
  });
});

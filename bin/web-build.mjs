// Whether the dashboard build (web/dist) is stale, and building it. Plain JS so that
// `npm start` can use it before anything else is loaded; the e2e tests use it too.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Inputs of the dashboard build: a newer one than dist/index.html means dist is stale. */
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether web/dist is missing or older than any source of the dashboard. */
export function webBuildIsStale(webDir) {
  const index = join(webDir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return INPUTS.some((input) => existsSync(join(webDir, input)) && newestMtime(join(webDir, input)) > built);
}

/**
 * Builds web/dist with Vite when it is missing or stale, in a child process (Vite is ESM
 * with native bindings, which jest's module system should not load).
 */
export function ensureWebBuild(webDir) {
  if (!webBuildIsStale(webDir)) return { built: false };
  const viteBin = join(createRequire(join(webDir, 'package.json')).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
  return { built: true };
}

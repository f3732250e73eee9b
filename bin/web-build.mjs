// Whether the dashboard build (web/dist) is stale, and building it. Plain JS so that
// `npm start` can use it before anything else is loaded; the e2e tests use it too.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildUnderLock, newestMtime } from './build-once.mjs';

/** Inputs of the dashboard build: a newer one than dist/index.html means dist is stale. */
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json'];

/** Whether web/dist is missing or older than any source of the dashboard. */
export function webBuildIsStale(webDir) {
  const index = join(webDir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return INPUTS.some((input) => existsSync(join(webDir, input)) && newestMtime(join(webDir, input)) > built);
}

/**
 * Builds web/dist with Vite when it is missing or stale, in a child process (Vite is ESM
 * with native bindings, which jest's module system should not load). Several processes
 * starting at once (browser test files run in parallel) build it once: the others wait for
 * the lock, then find it fresh. The lock sits beside dist, not in it: Vite empties dist.
 */
export function ensureWebBuild(webDir) {
  if (!webBuildIsStale(webDir)) return { built: false };
  // Checked only under the lock: index.html can be written before the rest of a build.
  return buildUnderLock(
    join(webDir, 'dist.build-lock'),
    () => webBuildIsStale(webDir),
    () => {
      const viteBin = join(createRequire(join(webDir, 'package.json')).resolve('vite/package.json'), '..', 'bin', 'vite.js');
      execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
    },
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const webDir = join(import.meta.dirname, '..', 'web');
  try {
    const { built } = ensureWebBuild(webDir);
    console.log(built ? 'web/dist built' : 'web/dist is up to date');
  } catch (e) {
    console.error(`the dashboard does not build:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message}`);
    process.exit(1);
  }
}

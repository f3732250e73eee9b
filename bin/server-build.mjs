// Whether the compiled server (server/dist) is stale, and building it. Plain JS: `homeroom`
// and `npm start` use it before anything else is loaded. The server is compiled once with tsc
// (decorator metadata kept) and run from dist, so a command starts without compiling TypeScript.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildUnderLock, newestMtime } from './build-once.mjs';

/** Inputs of the server build: a newer one than the stamp means dist is stale. */
const INPUTS = ['server/src', 'server/bench', 'migrations', 'server/tsconfig.json', 'server/tsconfig.build.json', 'tsconfig.base.json'];
const STAMP = 'server/dist/.build-stamp';
const LOCK = 'server/dist/.build-lock';

/** Whether server/dist is missing or older than any server source (a checkout without sources never is). */
export function serverBuildIsStale(root) {
  if (!existsSync(join(root, 'server/src'))) return false;
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((input) => existsSync(join(root, input)) && newestMtime(join(root, input)) > built);
}

/** Builds server/dist when stale; several processes starting at once build it once. */
export function ensureServerBuild(root, log = (line) => process.stderr.write(`${line}\n`)) {
  if (!serverBuildIsStale(root)) return { built: false };
  mkdirSync(join(root, 'server/dist'), { recursive: true });
  // The stamp is written last, so a waiter may stop as soon as the build looks fresh.
  return buildUnderLock(
    join(root, LOCK),
    () => serverBuildIsStale(root),
    () => {
      log('Building the server (first run after a change; about a minute)…');
      const started = Date.now();
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      try {
        execFileSync(process.execPath, [tsc, '-p', join(root, 'server/tsconfig.build.json')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
        throw new Error(`the server does not compile:\n${out.split('\n').slice(0, 20).join('\n')}`);
      }
      writeFileSync(join(root, STAMP), new Date(started).toISOString());
    },
    { freshWhileWaiting: true },
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const root = join(import.meta.dirname, '..');
  try {
    const { built } = ensureServerBuild(root, (line) => console.log(line));
    console.log(built ? 'server/dist built' : 'server/dist is up to date');
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

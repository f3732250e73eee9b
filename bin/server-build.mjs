// Whether the compiled server (server/dist) is stale, and building it. Plain JS: `homeroom`
// and `npm start` use it before anything else is loaded. The server is compiled once with tsc
// (decorator metadata kept) and run from dist, so a command starts without compiling TypeScript.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Inputs of the server build: a newer one than the stamp means dist is stale. */
const INPUTS = ['server/src', 'server/bench', 'migrations', 'server/tsconfig.json', 'server/tsconfig.build.json', 'tsconfig.base.json'];
const STAMP = 'server/dist/.build-stamp';
const LOCK = 'server/dist/.build-lock';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether server/dist is missing or older than any server source (a checkout without sources never is). */
export function serverBuildIsStale(root) {
  if (!existsSync(join(root, 'server/src'))) return false;
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((input) => existsSync(join(root, input)) && newestMtime(join(root, input)) > built);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds server/dist when stale; several processes starting at once build it once. */
export function ensureServerBuild(root, log = (line) => process.stderr.write(`${line}\n`)) {
  if (!serverBuildIsStale(root)) return { built: false };
  mkdirSync(join(root, 'server/dist'), { recursive: true });
  const lock = join(root, LOCK);
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than five minutes is a dead builder's.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      sleep(250);
      if (!serverBuildIsStale(root)) return { built: false };
    }
  }
  try {
    if (!serverBuildIsStale(root)) return { built: false };
    log('Building the server (first run after a change; about a minute)…');
    const started = Date.now();
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(root, 'server/tsconfig.build.json')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    writeFileSync(join(root, STAMP), new Date(started).toISOString());
    return { built: true };
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
    throw new Error(`the server does not compile:\n${out.split('\n').slice(0, 20).join('\n')}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
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

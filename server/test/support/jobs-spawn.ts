import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const SERVER = resolve(process.cwd());
const WORKER_SCRIPT = join(SERVER, 'test/support/jobs-worker.ts');

/** Starts test/support/jobs-worker.ts in a child process (SWC, like bin/run-ts.mjs). */
export function spawnWorker(env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', WORKER_SCRIPT], {
    cwd: SERVER,
    env: { ...process.env, NODE_OPTIONS: '', SWC_NODE_PROJECT: join(SERVER, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const ready = new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && ok());
    child.once('exit', (code) => fail(new Error(`worker exited (${code}) before ready: ${stderr}`)));
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, ready, exited };
}

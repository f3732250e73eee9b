import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(process.cwd(), '..');

export interface ServeProcess {
  child: ChildProcess;
  /** The API's base URL (api role), once listening. */
  url: Promise<string>;
  /** Resolves when the process said it is up. */
  ready: Promise<void>;
  /** Every JSON log line so far, parsed. */
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** The end of what it wrote to stderr. */
  stderr(): string;
}

/** `homeroom serve --role <role> --port 0` as a real process (bin/homeroom.mjs), with its logs collected. */
export function spawnServe(role: 'api' | 'worker', env: Record<string, string>): ServeProcess {
  const child = spawn(process.execPath, [join(REPO, 'bin/homeroom.mjs'), 'serve', '--role', role, '--port', '0'], {
    cwd: REPO,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  let buffer = '';
  let resolveUrl!: (url: string) => void;
  let resolveReady!: () => void;
  const url = new Promise<string>((ok) => (resolveUrl = ok));
  const ready = new Promise<void>((ok, fail) => {
    resolveReady = ok;
    child.once('exit', (code) => fail(new Error(`serve --role ${role} exited (${code}) before it was ready: ${stderr.slice(-2000)}`)));
  });
  child.stderr!.on('data', (d) => (stderr = (stderr + String(d)).slice(-200_000)));
  child.stdout!.on('data', (d) => {
    buffer += String(d);
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{')) {
        try {
          logs.push(JSON.parse(line));
        } catch {
          // not a log line
        }
        continue;
      }
      const m = /Homeroom is running at (http:\/\/\S+?)\s/.exec(`${line} `);
      if (m) resolveUrl(m[1]);
      if (/Homeroom is running at|Job worker started/.test(line)) resolveReady();
    }
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  void ready.catch(() => undefined);
  return { child, url, ready, logs, exited, stderr: () => stderr.slice(-6000) };
}

// `homeroom serve --role api|worker` in a child process, as production runs them: the API benches'
// server, and the worker that runs the sync during the load.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { repoFile } from './repo-file.js';

export interface ServeProcess {
  pid?: number;
  close(): Promise<void>;
}

function serve(role: 'api' | 'worker', args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS?.split(' ') ?? []), repoFile('bin/homeroom.mjs'), 'serve', '--role', role, ...args], {
    env: { ...process.env, ...env, NODE_OPTIONS: '', HOST: '127.0.0.1' },
    stdio: ['ignore', role === 'worker' ? 'pipe' : 'ignore', 'inherit'],
  });
}

const closer = (child: ChildProcess) => async () => void (child.kill('SIGTERM'), await new Promise((r) => child.once('exit', r)));

/** `homeroom serve --role api` on a free port; resolves once it answers /healthz. */
export async function startApiProcess(env: Record<string, string>): Promise<ServeProcess & { url: string }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const child = serve('api', ['--port', String(port)], env);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API process exited with code ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error('the API process did not answer /healthz within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid, close: closer(child) };
}

/** `homeroom serve --role worker`; resolves once its job worker has started. */
export async function startWorkerProcess(env: Record<string, string>): Promise<ServeProcess> {
  const child = serve('worker', [], env);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the worker process did not start within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Job worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited with code ${code}`)));
  });
  child.stdout!.resume();
  return { pid: child.pid, close: closer(child) };
}

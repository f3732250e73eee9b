// `homeroom serve --role api` in a child process, as production runs it: the API benches' server.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { repoFile } from './repo-file.js';

/** `homeroom serve --role api` on a free port; resolves once it answers /healthz. */
export async function startApiProcess(env: Record<string, string>): Promise<{ url: string; pid?: number; close(): Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_API_NODE_ARGS?.split(' ') ?? []), repoFile('bin/homeroom.mjs'), 'serve', '--role', 'api', '--port', String(port)],
    {
      env: { ...process.env, ...env, NODE_OPTIONS: '', HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
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
  return { url, pid: child.pid, close: async () => void (child.kill('SIGTERM'), await new Promise((r) => child.once('exit', r))) };
}

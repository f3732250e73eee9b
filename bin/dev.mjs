#!/usr/bin/env node
// `npm run dev`: the API + worker (port 4000, demo district on an empty database) and the
// Vite dev server with hot reload (port 5173, proxying /graphql to the API). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const children = [
  spawn(process.execPath, [resolve(root, 'bin/homeroom.mjs'), 'serve', '--demo-if-empty'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, HOMEROOM_FROM_SOURCE: '1' },
  }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { stdio: 'inherit', cwd: root }),
];
const stop = (signal) => children.forEach((c) => c.kill(signal));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
for (const c of children)
  c.on('exit', (code) => {
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });

#!/usr/bin/env node
// `npm start`: build the dashboard if it is missing or stale, then serve API + worker + dashboard
// on the embedded SQLite database, creating the demo district on first start.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { ensureWebBuild, webBuildIsStale } = await import('./web-build.mjs');

const webDir = resolve(root, 'web');
if (webBuildIsStale(webDir)) {
  console.log('Building the dashboard (first start only)…');
  ensureWebBuild(webDir);
}

const child = spawn(process.execPath, [resolve(root, 'bin/homeroom.mjs'), 'serve', '--demo-if-empty', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

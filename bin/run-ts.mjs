#!/usr/bin/env node
// Runs an entry of the server. From a checkout the server is compiled once into server/dist
// (again when a source is newer) and the built code runs, so commands start at once;
// HOMEROOM_FROM_SOURCE=1 (`npm run dev`) runs the TypeScript sources through SWC instead,
// which keeps decorator metadata (tsx/esbuild drop it). A built image has only server/dist.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureServerBuild } from './server-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function importServerModule(relativeToServer) {
  const src = resolve(root, 'server', relativeToServer);
  const fromSource = process.env.HOMEROOM_FROM_SOURCE === '1' || !/^(src|bench)\//.test(relativeToServer);
  if (existsSync(src) && fromSource) {
    process.env.SWC_NODE_PROJECT ??= resolve(root, 'server/tsconfig.json');
    await import('@swc-node/register/esm-register');
    return import(pathToFileURL(src).href);
  }
  if (existsSync(src)) {
    try {
      ensureServerBuild(root);
    } catch (e) {
      console.error(`homeroom: ${e.message}`);
      process.exit(1);
    }
  }
  const built = resolve(root, 'server/dist/server', relativeToServer.replace(/\.ts$/, '.js'));
  return import(pathToFileURL(built).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...rest] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...rest];
  await importServerModule(entry.startsWith('server/') ? entry.slice(7) : entry);
}

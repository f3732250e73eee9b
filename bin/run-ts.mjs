#!/usr/bin/env node
// Runs a TypeScript entry of the server. From a checkout the sources run directly through
// SWC (keeps decorator metadata, which tsx/esbuild drop); a built image runs server/dist.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function importServerModule(relativeToServer) {
  const src = resolve(root, 'server', relativeToServer);
  if (existsSync(src)) {
    process.env.SWC_NODE_PROJECT ??= resolve(root, 'server/tsconfig.json');
    await import('@swc-node/register/esm-register');
    return import(pathToFileURL(src).href);
  }
  const built = resolve(root, 'server/dist/server', relativeToServer.replace(/\.ts$/, '.js'));
  return import(pathToFileURL(built).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, ...rest] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...rest];
  await importServerModule(entry.startsWith('server/') ? entry.slice(7) : entry);
}

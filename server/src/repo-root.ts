import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function isRepoRoot(dir: string): boolean {
  if (existsSync(join(dir, 'codegen.yml'))) return true;
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return false;
  try {
    return Array.isArray((JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown }).workspaces);
  } catch {
    return false;
  }
}

function walkUp(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The checkout's root folder (holding codegen.yml, schema/ and web/): found by walking up
 * from the working directory (the repo root for npm scripts, server/ under jest), then
 * from this module; falls back to the working directory.
 */
export function findRepoRoot(): string {
  return walkUp(process.cwd()) ?? walkUp(dirname(fileURLToPath(import.meta.url))) ?? process.cwd();
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file of the checkout, found upwards from here: benches run from server/bench or from the build in server/dist. */
export function repoFile(path: string): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, path))) return join(dir, path);
  throw new Error(`${path} not found above ${import.meta.dirname}`);
}

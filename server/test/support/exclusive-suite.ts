import { afterAll, beforeAll } from '@jest/globals';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Machine-wide resources that some test files cannot share while jest runs files in
 * parallel. `redis`: Redis pub/sub channels (homeroom:jobs, homeroom:pubsub:*) ignore the
 * database number, so a file's subscribers would see another file's run ids and districts.
 */
export type ExclusiveResource = 'redis';

/** How long a file waits for another to finish with the resource: the longest such file, with room. */
const WAIT_MS = 20 * 60_000;

function ownerIsGone(lock: string): boolean {
  let owner: number;
  try {
    owner = Number(readFileSync(lock, 'utf8'));
    // Written just after the exclusive create: an empty lock younger than a minute is being taken.
    if (!owner) return Date.now() - statSync(lock).mtimeMs > 60_000;
  } catch {
    return true; // released meanwhile
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'; // the holder (a jest worker) died without releasing
  }
}

/**
 * Holds `resource` for the whole test file: call it at the top of the file, before any
 * describe, so the lock is taken before the file's own beforeAll and released after its
 * afterAll. Other files that call it wait their turn; files that do not are unaffected.
 */
export function exclusiveSuite(resource: ExclusiveResource): void {
  const lock = join(tmpdir(), `homeroom-jest-${resource}.lock`);
  let held = false;
  beforeAll(async () => {
    const started = Date.now();
    for (;;) {
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
        held = true;
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (ownerIsGone(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() - started > WAIT_MS)
        throw new Error(`waited ${WAIT_MS / 60_000} min for ${lock}; its holder (pid ${readFileSync(lock, 'utf8')}) is still running`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const waited = Date.now() - started;
    if (waited > 1000) console.log(`waited ${Math.round(waited / 1000)} s for another test file to finish with ${resource}`);
  }, WAIT_MS + 10_000);
  afterAll(() => {
    if (held) rmSync(lock, { force: true });
  });
}

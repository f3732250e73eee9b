// What the server and dashboard builds share: staleness by modification time, and a lock so
// that several processes starting at once (test files in parallel, `homeroom` commands) build once.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of a file, or of anything under a folder. */
export function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `build` while holding `lock` (a folder: creating it is atomic), when `isStale()` still
 * says so once the lock is held. `freshWhileWaiting`: a waiter may stop as soon as the build
 * looks fresh (true only when the build marks itself done last, as a stamp file does).
 */
export function buildUnderLock(lock, isStale, build, { freshWhileWaiting = false } = {}) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than five minutes is a dead builder's.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      sleep(250);
      if (freshWhileWaiting && !isStale()) return { built: false };
    }
  }
  try {
    if (!isStale()) return { built: false };
    build();
    return { built: true };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/*
 * InnoDB ends one of two transactions that wait on each other's locks (a deadlock) or gives up
 * on a lock after innodb_lock_wait_timeout. Either way the statement did nothing and the same
 * work can simply be tried again; SQLite serializes writers and never raises these.
 */

const LOCK_CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** True when `e` (or the driver error inside TypeORM's QueryFailedError) is a deadlock or lock-wait timeout. */
export function isLockConflict(e: unknown): boolean {
  const o = e as { driverError?: { code?: unknown }; code?: unknown } | null | undefined;
  return LOCK_CONFLICT_CODES.has(String(o?.driverError?.code ?? o?.code ?? ''));
}

export interface LockConflictRetry {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** Milliseconds to wait before try `attempt + 1`; random, so colliding callers come apart. */
  backoffMs?: (attempt: number) => number;
  /** Told before each retry (e.g. to log it). */
  onRetry?: (attempt: number) => void;
}

const shortBackoff = (attempt: number) => 5 * attempt + Math.random() * 20;

/** Runs `fn`, again after a lock conflict, up to `attempts` times; any other error ends at once. */
export async function retryOnLockConflict<T>(fn: () => Promise<T>, options: LockConflictRetry = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? shortBackoff;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isLockConflict(error)) throw error;
      options.onRetry?.(attempt);
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

/*
 * InnoDB ends one of two transactions that wait on each other's locks (a deadlock) or gives up
 * on a lock after innodb_lock_wait_timeout. Either way the statement did nothing and the same
 * work can simply be tried again; SQLite serializes writers and never raises these.
 */
import { driverErrorCode, retryWhen, type RetryOptions } from './retry.js';

const LOCK_CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** True when `e` (or the driver error inside TypeORM's QueryFailedError) is a deadlock or lock-wait timeout. */
export function isLockConflict(e: unknown): boolean {
  return LOCK_CONFLICT_CODES.has(driverErrorCode(e));
}

const shortBackoff = (attempt: number) => 5 * attempt + Math.random() * 20;

/**
 * Runs `fn`, again after a lock conflict, up to `attempts` times (default 5), a short random
 * wait apart by default (random, so colliding callers come apart); any other error ends at once.
 */
export function retryOnLockConflict<T>(fn: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  return retryWhen(isLockConflict, fn, { attempts: 5, backoffMs: shortBackoff, ...options });
}

import { describe, expect, it } from '@jest/globals';
import { isLockConflict, retryOnLockConflict } from '../../src/db/lock-conflict.js';

const driverError = (code: string) => Object.assign(new Error('query failed'), { driverError: { code } });

describe('retryOnLockConflict', () => {
  it('tries again after a deadlock or lock-wait timeout and returns the result', async () => {
    const failures = [driverError('ER_LOCK_DEADLOCK'), Object.assign(new Error('x'), { code: 'ER_LOCK_WAIT_TIMEOUT' })];
    let calls = 0;
    const retried: number[] = [];
    const result = await retryOnLockConflict(
      async () => {
        calls++;
        const failure = failures.shift();
        if (failure) throw failure;
        return 'done';
      },
      { backoffMs: () => 1, onRetry: (attempt) => retried.push(attempt) },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(retried).toEqual([1, 2]);
  });

  it('gives up after the last attempt with the lock error', async () => {
    let calls = 0;
    const failing = retryOnLockConflict(
      async () => {
        calls++;
        throw driverError('ER_LOCK_DEADLOCK');
      },
      { attempts: 3, backoffMs: () => 1 },
    );
    await expect(failing).rejects.toThrow('query failed');
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const failing = retryOnLockConflict(async () => {
      calls++;
      throw driverError('ER_DUP_ENTRY');
    });
    await expect(failing).rejects.toThrow('query failed');
    expect(calls).toBe(1);
    expect(isLockConflict(driverError('ER_DUP_ENTRY'))).toBe(false);
    expect(isLockConflict(null)).toBe(false);
  });
});

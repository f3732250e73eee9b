import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../errors.js';
import { createLimiter, retryAfterSeconds } from './rate-limit.js';
import type { Logger } from '../logger.js';

/** Failed sign-ins allowed per account and client address before 429 (then blocked for BLOCK). */
export const ACCOUNT_ADDRESS_FAILURES = 10;
/** Failed sign-ins allowed per client address, any account, per hour. */
export const ADDRESS_FAILURES = 100;
const WINDOW_SECONDS = 15 * 60;
const BLOCK_SECONDS = 15 * 60;
/** Failures per account (any address) that count as one step of delay. */
const ACCOUNT_FAILURES_PER_STEP = 5;
const MAX_DELAY_MS = 8000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sign-in throttle. Failures are counted per account + client address, per client
 * address and per account, in Redis when configured (shared by every API process).
 * - After 3 failures of one account from one address each attempt waits longer (0.5 s,
 *   1 s, 2 s … up to 8 s); after 10 that address gets 429 for that account for 15 min.
 * - 100 failures from one address (any accounts) get it 429 for 15 min.
 * - Failures of one account from many addresses only slow its sign-ins down (never 429):
 *   an attacker elsewhere cannot lock the real admin out, only delay them by seconds.
 * A successful sign-in clears its account + address count.
 */
export class LoginThrottle {
  private readonly byAccountAddress;
  private readonly byAddress;
  private readonly byAccount;

  constructor(
    redis: Redis | null,
    private readonly logger: Logger,
    private readonly delayUnitMs = 500,
  ) {
    this.byAccountAddress = createLimiter(redis, 'login-account-address', {
      points: ACCOUNT_ADDRESS_FAILURES,
      durationSeconds: WINDOW_SECONDS,
      blockDurationSeconds: BLOCK_SECONDS,
    });
    this.byAddress = createLimiter(redis, 'login-address', { points: ADDRESS_FAILURES, durationSeconds: 3600, blockDurationSeconds: BLOCK_SECONDS });
    this.byAccount = createLimiter(redis, 'login-account', { points: 1_000_000, durationSeconds: WINDOW_SECONDS });
  }

  private static keys(email: string, address: string) {
    const account = email.trim().toLowerCase();
    return { account, address, pair: `${account}|${address}` };
  }

  /** Refuses (429) or delays a sign-in attempt before its password is checked. */
  async before(email: string, address: string): Promise<void> {
    const k = LoginThrottle.keys(email, address);
    const [pair, addr, account] = await Promise.all([this.byAccountAddress.get(k.pair), this.byAddress.get(k.address), this.byAccount.get(k.account)]).catch(
      (err) => {
        this.logger.warn({ err }, 'sign-in throttle store unavailable; attempt let through');
        return [null, null, null] as const;
      },
    );
    for (const [res, limit] of [
      [pair, ACCOUNT_ADDRESS_FAILURES],
      [addr, ADDRESS_FAILURES],
    ] as const) {
      if (res && res.consumedPoints >= limit) {
        const retryAfter = retryAfterSeconds(res);
        this.logger.warn({ address, retryAfterSeconds: retryAfter }, 'sign-in refused: too many failed attempts');
        throw new TooManyRequestsError(`Too many failed sign-in attempts: try again in ${retryAfter} s`, retryAfter);
      }
    }
    const steps = Math.max((pair?.consumedPoints ?? 0) - 2, Math.floor((account?.consumedPoints ?? 0) / ACCOUNT_FAILURES_PER_STEP) - 1);
    if (steps > 0) await sleep(Math.min(MAX_DELAY_MS, this.delayUnitMs * 2 ** (steps - 1)));
  }

  async failed(email: string, address: string): Promise<void> {
    const k = LoginThrottle.keys(email, address);
    const results = await Promise.allSettled([this.byAccountAddress.consume(k.pair), this.byAddress.consume(k.address), this.byAccount.consume(k.account)]);
    const pair = results[0].status === 'fulfilled' ? results[0].value : results[0].reason;
    this.logger.warn({ address, failures: pair instanceof RateLimiterRes ? pair.consumedPoints : null }, 'sign-in failed');
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.byAccountAddress.delete(LoginThrottle.keys(email, address).pair).catch(() => undefined);
  }
}

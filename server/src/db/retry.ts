/** The driver's error code of `e`, or of the driver error inside TypeORM's QueryFailedError ('' when none). */
export function driverErrorCode(e: unknown): string {
  const o = e as { driverError?: { code?: unknown }; code?: unknown } | null | undefined;
  return String(o?.driverError?.code ?? o?.code ?? '');
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Milliseconds to wait before try `attempt + 1`. */
  backoffMs: (attempt: number) => number;
  /** Told before each retry (e.g. to log it). */
  onRetry?: (attempt: number) => void;
}

/** Runs `fn`, again while it fails with an error `retryable` accepts, up to `attempts` times; any other error ends at once. */
export async function retryWhen<T>(retryable: (e: unknown) => boolean, fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !retryable(error)) throw error;
      options.onRetry?.(attempt);
      await new Promise((resolve) => setTimeout(resolve, options.backoffMs(attempt)));
    }
  }
}

/*
 * A database connection that went away: the server closed or killed it, the network dropped,
 * or (SQLite) the file failed. The statement's transaction is gone with it; a single write
 * outside any transaction can simply go again on another connection.
 */
import { driverErrorCode, retryWhen } from './retry.js';

/** Driver codes of a connection that went away (mysql2, node) or a database file that failed. */
const CONNECTION_LOST =
  /^(PROTOCOL_CONNECTION_LOST|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ER_SERVER_SHUTDOWN|ER_CON_COUNT_ERROR|SQLITE_IOERR.*|SQLITE_CANTOPEN)$/;

/** True when `e` (or the driver error inside TypeORM's QueryFailedError) says the connection is gone. */
export function isConnectionLost(e: unknown): boolean {
  return CONNECTION_LOST.test(driverErrorCode(e)) || /connection (lost|is closed)|closed state|Can't add new command/i.test((e as Error)?.message ?? '');
}

/**
 * Runs `write`, again (up to `attempts` tries in all, `delayMs` × attempt apart) while it fails
 * on a lost connection: after one, a pool may still hand out a connection the server has closed
 * before the driver noticed. Any other error ends at once.
 */
export function retryAfterConnectionLoss<T>(write: () => Promise<T>, options: { attempts?: number; delayMs?: number } = {}): Promise<T> {
  const delayMs = options.delayMs ?? 200;
  return retryWhen(isConnectionLost, write, { attempts: options.attempts ?? 5, backoffMs: (attempt) => delayMs * attempt });
}

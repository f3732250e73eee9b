/*
 * A database connection that went away: the server closed or killed it, the network dropped,
 * or (SQLite) the file failed. The statement's transaction is gone with it; a single write
 * outside any transaction can simply go again on another connection.
 */

/** Driver codes of a connection that went away (mysql2, node) or a database file that failed. */
const CONNECTION_LOST =
  /^(PROTOCOL_CONNECTION_LOST|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ER_SERVER_SHUTDOWN|ER_CON_COUNT_ERROR|SQLITE_IOERR.*|SQLITE_CANTOPEN)$/;

/** True when `e` (or the driver error inside TypeORM's QueryFailedError) says the connection is gone. */
export function isConnectionLost(e: unknown): boolean {
  const code = String((e as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (e as { code?: unknown })?.code ?? '');
  return CONNECTION_LOST.test(code) || /connection (lost|is closed)|closed state|Can't add new command/i.test((e as Error)?.message ?? '');
}

/**
 * Runs `write`, again (up to `attempts` tries in all, `delayMs` × attempt apart) while it fails
 * on a lost connection: after one, a pool may still hand out a connection the server has closed
 * before the driver noticed. Any other error ends at once.
 */
export async function retryAfterConnectionLoss<T>(write: () => Promise<T>, options: { attempts?: number; delayMs?: number } = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt >= attempts || !isConnectionLost(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 200) * attempt));
    }
  }
}

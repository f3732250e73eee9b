import { API_TOKEN_CACHE } from '../auth/api-token-cache.js';
import type { WebSocket } from 'ws';
import { CREDENTIALS_REVOKED, isRevoked } from '../auth/credentials-revoked.js';
import type { Viewer } from '../auth/viewer.js';
import type { Logger } from '../logger.js';
import type { HomeroomPubSub } from '../events/pubsub.js';

/** graphql-ws close code for credentials that stopped being valid. */
export const CLOSE_UNAUTHORIZED = 4401;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Connection {
  viewer: Viewer;
  expiry?: NodeJS.Timeout;
}

/**
 * The open GraphQL websockets and who opened them. A socket is closed (4401) when its
 * session or token is revoked — in any API process: the revocation comes through the app's
 * PubSub, which is Redis when configured — and when its session or token expires.
 */
export class WsConnections {
  private readonly open = new Map<WebSocket, Connection>();
  private readonly events: AsyncIterableIterator<unknown> & { return?: () => Promise<unknown> };

  constructor(
    pubsub: HomeroomPubSub,
    private readonly logger: Logger,
  ) {
    const events = pubsub.subscribe(CREDENTIALS_REVOKED);
    this.events = events as never;
    void (async () => {
      for await (const event of events) {
        // Revoked in another process: this one must stop trusting the token it read.
        if (event.kind === 'API_TOKEN') API_TOKEN_CACHE.forgetToken(event.tokenId);
        for (const [socket, c] of this.open) {
          if (isRevoked(c.viewer, event)) this.close(socket, 'Unauthorized: the credentials were revoked');
        }
      }
    })().catch((err) => this.logger.error({ err }, 'revocation listener stopped'));
  }

  /** Records (or updates, per operation) who a socket belongs to; closes it at their expiry. */
  set(socket: WebSocket, viewer: Viewer): void {
    const previous = this.open.get(socket);
    if (previous?.expiry) clearTimeout(previous.expiry);
    const connection: Connection = { viewer };
    if (viewer.expiresAt) {
      const wait = Math.min(Math.max(0, viewer.expiresAt.getTime() - Date.now()), MAX_TIMER_MS);
      connection.expiry = setTimeout(() => this.close(socket, 'Unauthorized: the session or token expired'), wait);
      connection.expiry.unref();
    }
    this.open.set(socket, connection);
    if (!previous) socket.once('close', () => this.forget(socket));
  }

  close(socket: WebSocket, reason: string): void {
    this.forget(socket);
    socket.close(CLOSE_UNAUTHORIZED, reason);
  }

  private forget(socket: WebSocket): void {
    const c = this.open.get(socket);
    if (c?.expiry) clearTimeout(c.expiry);
    this.open.delete(socket);
  }

  dispose(): void {
    void this.events.return?.();
    for (const socket of [...this.open.keys()]) this.forget(socket);
  }
}

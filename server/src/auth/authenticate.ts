import type { DataSource } from 'typeorm';
import { AdminUserService, SESSION_PREFIX } from './admin-user.service.js';
import { ApiTokenService } from './api-token.service.js';
import type { Viewer } from './viewer.js';

export const SESSION_COOKIE = 'homeroom_session';

/** The credentials a request or websocket connection carries. */
export interface Credentials {
  /** `Authorization` header value (or connection_init `authorization`). */
  authorization?: string | null;
  /** Raw `Cookie` header. */
  cookie?: string | null;
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function bearerOf(authorization: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? m[1] : null;
}

/**
 * Resolves the caller: a bearer (API token or session secret) wins over the session cookie.
 * `invalid` is true when credentials were sent but match nothing (answered as UNAUTHENTICATED).
 */
export async function authenticate(ds: DataSource, creds: Credentials): Promise<{ viewer: Viewer | null; invalid: boolean }> {
  const bearer = bearerOf(creds.authorization);
  const secret = bearer ?? readCookie(creds.cookie, SESSION_COOKIE);
  if (!secret) return { viewer: null, invalid: Boolean(creds.authorization) };
  const viewer = secret.startsWith(SESSION_PREFIX)
    ? await new AdminUserService(ds).viewerForSession(secret)
    : await new ApiTokenService(ds).viewerForSecret(secret);
  return { viewer, invalid: viewer == null && bearer != null };
}

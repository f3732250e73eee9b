import type { DataSource } from 'typeorm';
import { AdminUserService, SESSION_PREFIX } from './admin-user.service.js';
import { ApiTokenService } from './api-token.service.js';
import type { District } from '../roster/district.entity.js';
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
 * For an API token, `tokenDistrict` is its district as read with the token (for this request
 * only: a long-lived connection must read it again).
 */
export async function authenticate(ds: DataSource, creds: Credentials): Promise<{ viewer: Viewer | null; invalid: boolean; tokenDistrict?: District | null }> {
  const bearer = bearerOf(creds.authorization);
  const secret = bearer ?? readCookie(creds.cookie, SESSION_COOKIE);
  if (!secret) return { viewer: null, invalid: Boolean(creds.authorization) };
  if (secret.startsWith(SESSION_PREFIX)) {
    const viewer = await new AdminUserService(ds).viewerForSession(secret);
    return { viewer, invalid: viewer == null && bearer != null };
  }
  const token = await new ApiTokenService(ds).authenticate(secret);
  return { viewer: token?.viewer ?? null, invalid: token == null && bearer != null, tokenDistrict: token?.district ?? null };
}

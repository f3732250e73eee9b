import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { authenticate, SESSION_COOKIE } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import type { District } from '../roster/district.entity.js';
import type { SessionCookies } from '../graphql/context.js';
import type { RateLimiter } from '../auth/rate-limit.js';

/** res.locals of a /graphql request after authentication. */
export interface AuthLocals {
  viewer: Viewer | null;
  /** An API token's district, read with the token. */
  tokenDistrict?: District | null;
}

function graphQLErrorResponse(res: Response, status: number, message: string, code: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie into
 * res.locals.viewer; a bearer that matches nothing is refused (401), and an API token over
 * its rate limit gets 429 with Retry-After.
 */
export function authMiddleware(ds: DataSource, limiter: RateLimiter) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { viewer, invalid, tokenDistrict } = await authenticate(ds, { authorization: req.headers.authorization, cookie: req.headers.cookie });
      if (invalid) {
        graphQLErrorResponse(res, 401, 'The bearer token is unknown, expired or revoked', 'UNAUTHENTICATED');
        return;
      }
      if (viewer?.kind === 'API_TOKEN') {
        const retryAfter = await limiter.hit(`token:${viewer.tokenId}`);
        if (retryAfter != null) {
          res.setHeader('Retry-After', String(retryAfter));
          graphQLErrorResponse(
            res,
            429,
            `Rate limit exceeded: at most ${limiter.limit} requests per minute per API token; retry in ${retryAfter} s`,
            'RATE_LIMITED',
            { retryAfterSeconds: retryAfter },
          );
          return;
        }
      }
      (res.locals as AuthLocals).viewer = viewer;
      (res.locals as AuthLocals).tokenDistrict = tokenDistrict;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Sets and clears the dashboard's session cookie on this response. */
export function sessionCookies(res: Response, secure: boolean): SessionCookies {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    set: (secret, expiresAt) => void res.cookie(SESSION_COOKIE, secret, { ...base, expires: expiresAt }),
    clear: () => void res.clearCookie(SESSION_COOKIE, base),
  };
}

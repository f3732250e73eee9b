import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/**
 * The last Express error handler: a malformed or oversized body gets a 400/413 in the API's
 * own error shape, anything else a 500 — never a stack trace, a path or the request body
 * (a body that failed to parse may hold a password, so only its size is logged).
 */
export function jsonErrorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; statusCode?: number; expose?: boolean };
    const status = e.status ?? e.statusCode ?? 500;
    let message: string;
    let code: string;
    if (e.type === 'entity.parse.failed') {
      message = 'The request body is not valid JSON';
      code = 'BAD_REQUEST';
    } else if (e.type === 'entity.too.large') {
      message = 'The request body is too large';
      code = 'BAD_REQUEST';
    } else if (status >= 400 && status < 500 && e.expose) {
      message = 'The request could not be read';
      code = 'BAD_REQUEST';
    } else {
      message = 'Internal server error';
      code = 'INTERNAL_SERVER_ERROR';
    }
    if (status >= 500) logger.error({ err: { name: (err as Error)?.name, type: e.type }, method: req.method, path: req.path }, 'request failed');
    else
      logger.info(
        { method: req.method, path: req.path, status, reason: e.type ?? 'bad request', length: req.headers['content-length'] },
        'bad request refused',
      );
    res.status(status >= 400 && status < 600 ? status : 500).json({ errors: [{ message, extensions: { code } }] });
  };
}

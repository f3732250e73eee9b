import type { Request, Response } from 'express';
import type { AppContext } from '../app-context.js';
import { checkReadiness } from '../observability/readiness.js';

/** GET /readyz: 200 when the database (and Redis, when configured) answer; 503 naming what failed. */
export function readyzHandler(app: AppContext) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    const { ready, checks } = await checkReadiness(app);
    if (!ready) app.logger.warn({ checks }, 'not ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
  };
}

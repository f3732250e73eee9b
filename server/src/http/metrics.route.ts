import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../app-context.js';
import type { HomeroomMetrics } from '../observability/metrics.js';

/** GET /metrics in the Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <it>`. */
export function metricsHandler(app: AppContext, metrics: HomeroomMetrics) {
  const expected = app.config.metricsToken ? createHash('sha256').update(`Bearer ${app.config.metricsToken}`).digest() : null;
  return async (req: Request, res: Response): Promise<void> => {
    if (expected) {
      const given = createHash('sha256')
        .update(req.headers.authorization ?? '')
        .digest();
      if (!timingSafeEqual(given, expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need "Authorization: Bearer <METRICS_TOKEN>"\n');
        return;
      }
    }
    try {
      const body = await metrics.render(app.ds);
      res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(body);
    } catch (err) {
      app.logger.error({ err }, 'metrics could not be collected');
      res.status(503).type('text/plain').send('metrics unavailable: the database did not answer\n');
    }
  };
}

/** Times every request to the GraphQL path (mount before the GraphQL middleware). */
export function graphqlTimer(metrics: HomeroomMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' && req.headers.upgrade) return next();
    const end = metrics.graphqlDuration.startTimer();
    res.once('finish', () => {
      const body = req.body as { operationName?: unknown } | undefined;
      end({ operation: metrics.operationLabel(body?.operationName ?? req.query?.operationName), status: String(res.statusCode) });
    });
    next();
  };
}

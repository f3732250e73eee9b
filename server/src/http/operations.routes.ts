import type express from 'express';
import type { AppContext } from '../app-context.js';
import { processMetrics, type HomeroomMetrics } from '../observability/metrics.js';
import { graphqlTimer, metricsHandler } from './metrics.route.js';
import { readyzHandler } from './readyz.route.js';

/**
 * GET /readyz, GET /metrics, and GraphQL request timing. Call before the GraphQL middleware
 * is mounted so the timer sees every request.
 */
export function registerOperationsRoutes(
  expressApp: express.Express,
  app: AppContext,
  options: { graphqlPath?: string; metrics?: HomeroomMetrics } = {},
): void {
  const metrics = options.metrics ?? processMetrics();
  expressApp.get('/readyz', readyzHandler(app));
  expressApp.get('/metrics', metricsHandler(app, metrics));
  expressApp.use(options.graphqlPath ?? '/graphql', graphqlTimer(metrics));
}

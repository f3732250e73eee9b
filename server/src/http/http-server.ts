import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { Redis } from 'ioredis';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppContext } from '../app-context.js';
import { GraphQLError, parse } from 'graphql';
import { authenticate, type Credentials } from '../auth/authenticate.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import type { Viewer } from '../auth/viewer.js';
import { createGraphQLContext, type GraphQLContext } from '../graphql/context.js';
import { formatError, withErrorCodes } from '../graphql/errors.js';
import { assertWithinLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from '../graphql/limits.js';
import { buildHomeroomSchema } from '../graphql/schema.js';
import type { SyncLauncher } from '../sync/sync-launcher.js';
import { JobQueueLauncher } from '../jobs/job-queue-launcher.js';
import { authMiddleware, sessionCookies, type AuthLocals } from './auth-middleware.js';
import { compressAnswers } from './compression.js';
import { RateLimiter, tokenRateLimitOf, type RateLimitOptions } from '../auth/rate-limit.js';
import { dashboardRouter } from './dashboard.js';
import { jsonErrorHandler } from './error-handlers.js';
import { securityHeaders } from './security-headers.js';
import { WsConnections } from './ws-connections.js';
import { originAllowed } from './ws-origin.js';
import { healthHandler } from './health.js';
import { registerOperationsRoutes } from './operations.routes.js';
import { findRepoRoot } from '../repo-root.js';

export const GRAPHQL_PATH = '/graphql';

export interface HttpServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; all interfaces when omitted. */
  host?: string;
  /** The built dashboard; defaults to web/dist of the checkout. */
  webDist?: string;
  /** Where startSync / revertSyncRun hand runs (default: a `sync-run` job for the workers). */
  launcher?: SyncLauncher;
  /** Query depth, cost and alias limits (default DEFAULT_QUERY_LIMITS). */
  queryLimits?: Partial<QueryLimits>;
  /** Sign-in delay unit (default 500 ms; tests shorten it). */
  loginDelayUnitMs?: number;
  /** Requests per API token (default: the configured TOKEN_RATE_LIMIT per minute). */
  tokenRateLimit?: RateLimitOptions;
}

type WsExtra = {
  viewer?: Viewer | null;
  /** What connection_init carried, re-checked as each operation starts. */
  credentials?: Credentials;
  socket: WebSocket;
  request: IncomingMessage;
};

export interface RunningHttpServer {
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  port: number;
  /** Stops Apollo, closes websockets and the HTTP server (waits for in-flight requests). */
  close(): Promise<void>;
}

/** TRUST_PROXY as Express takes it: a hop count, true/false, or names/addresses. */
function trustProxyValue(raw: string): boolean | number | string {
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}

function listen(server: Server, port: number, host?: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * The API process's HTTP side: GraphQL over HTTP (Apollo, CSRF prevention on) and over
 * websockets (graphql-ws) on /graphql, GET /healthz, and the dashboard SPA.
 */
export async function startHttpServer(app: AppContext, options: HttpServerOptions): Promise<RunningHttpServer> {
  const logger = app.logger.child({ component: 'http' });
  const schema = await buildHomeroomSchema(app.pubsub);
  const expressApp = express();
  expressApp.disable('x-powered-by');
  // No ETag on GraphQL answers: each is for one POST, and hashing a roster page is CPU spent
  // on every partner request (the dashboard's files carry their own from the static server).
  expressApp.set('etag', false);
  if (app.config.trustProxy) expressApp.set('trust proxy', trustProxyValue(app.config.trustProxy));
  const httpServer = createServer(expressApp);
  // Shared by every API process when configured: the token rate limit and the sign-in throttle.
  const redis = app.config.redisUrl ? new Redis(app.config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : null;
  redis?.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis (rate limits) unavailable'));
  const connections = new WsConnections(app.pubsub, logger);

  // noServer: upgrades are routed here explicitly, so HTTP listen errors stay with the HTTP server.
  const wsServer = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) {
      socket.destroy();
      return;
    }
    // A browser page of another origin must not use the admin's cookie over a websocket
    // (CSRF prevention covers HTTP only).
    if (!originAllowed(req, app.config.publicUrl, app.config.allowedOrigins)) {
      logger.warn({ origin: req.headers.origin }, 'websocket refused: origin not allowed');
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nOrigin not allowed\n');
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });
  const launcher = options.launcher ?? new JobQueueLauncher(app);
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const limiter = new RateLimiter(options.tokenRateLimit ?? tokenRateLimitOf(app.config), redis, logger);
  const loginThrottle = new LoginThrottle(redis, logger.child({ component: 'sign-in' }), options.loginDelayUnitMs);
  const secureCookie = app.config.publicUrl.startsWith('https:');

  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      // connection_init is authenticated like HTTP: payload.authorization ("Bearer …") or the session cookie.
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const credentials = { authorization: typeof auth === 'string' ? auth : null, cookie: ctx.extra.request.headers.cookie };
        const { viewer } = await authenticate(app.ds, credentials);
        if (!viewer) return false;
        ctx.extra.viewer = viewer;
        ctx.extra.credentials = credentials;
        connections.set(ctx.extra.socket, viewer);
        return true;
      },
      // Every operation is authorized as it starts: a revoked token, an ended or expired
      // session closes the socket instead of answering.
      onSubscribe: async (ctx, _id, payload) => {
        const { viewer } = await authenticate(app.ds, ctx.extra.credentials ?? {});
        if (!viewer) {
          connections.close(ctx.extra.socket, 'Unauthorized: the session or token is no longer valid');
          return [new GraphQLError('The session or token is no longer valid', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        ctx.extra.viewer = viewer;
        connections.set(ctx.extra.socket, viewer);
        if (viewer.kind === 'API_TOKEN') {
          const retryAfter = await limiter.hit(`token:${viewer.tokenId}`);
          if (retryAfter != null)
            return [new GraphQLError(`Rate limit exceeded: retry in ${retryAfter} s`, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } })];
        }
        try {
          assertWithinLimits(schema, parse(payload.query), payload.operationName, payload.variables ?? undefined, limits);
        } catch (e) {
          if (e instanceof GraphQLError) return [e];
          throw e;
        }
        return undefined;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: withErrorCodes(result.errors) } : result),
      onError: (_ctx, _id, _payload, errors) => withErrorCodes(errors),
      context: (ctx) =>
        createGraphQLContext(app, { viewer: ctx.extra.viewer ?? null, launcher, loginThrottle, clientAddress: ctx.extra.request.socket.remoteAddress ?? null }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    csrfPrevention: true,
    logger,
    formatError,
    // Stack traces only with the development switch (HOMEROOM_DEBUG_ERRORS), whatever NODE_ENV says.
    includeStacktraceInErrorResponses: app.config.exposeErrorDetails,
    plugins: [
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, operationName, request, schema: s }) {
              assertWithinLimits(s, document, operationName, request.variables, limits);
            },
          };
        },
      },
      // The default cache-control plugin wraps every field resolver to compute cache hints no
      // one uses (answers are per caller, over POST): a measurable share of a roster page's CPU.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              connections.dispose();
              await wsCleanup.dispose();
              await launcher.close();
              await new Promise<void>((resolve) => wsServer.close(() => resolve()));
              await redis?.quit().catch(() => undefined);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  expressApp.use(securityHeaders({ https: secureCookie }));
  expressApp.get('/healthz', healthHandler(app.ds));
  registerOperationsRoutes(expressApp, app, { graphqlPath: GRAPHQL_PATH }); // /readyz, /metrics, GraphQL timing
  expressApp.use(
    GRAPHQL_PATH,
    compressAnswers(),
    express.json({ limit: '1mb' }),
    authMiddleware(app.ds, limiter),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createGraphQLContext(app, {
          viewer: (res.locals as AuthLocals).viewer ?? null,
          tokenDistrict: (res.locals as AuthLocals).tokenDistrict ?? null,
          launcher,
          cookies: sessionCookies(res, secureCookie),
          loginThrottle,
          clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
        }),
    }),
  );
  expressApp.use(dashboardRouter(options.webDist ?? join(findRepoRoot(), 'web', 'dist')));
  expressApp.use(jsonErrorHandler(logger));

  let address: AddressInfo;
  try {
    address = await listen(httpServer, options.port, options.host);
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info({ url }, 'HTTP server listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port: address.port,
    close() {
      closing ??= (async () => {
        await apollo.stop();
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        logger.info('HTTP server closed');
      })();
      return closing;
    },
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppContext } from '../app-context.js';
import { GraphQLError, parse } from 'graphql';
import { authenticate } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import { createGraphQLContext, type GraphQLContext } from '../graphql/context.js';
import { formatError, withErrorCodes } from '../graphql/errors.js';
import { assertWithinLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from '../graphql/limits.js';
import { buildHomeroomSchema } from '../graphql/schema.js';
import { JobQueueLauncher, type SyncLauncher } from '../sync/sync-launcher.js';
import { authMiddleware, sessionCookies, type AuthLocals } from './auth-middleware.js';
import { compressAnswers } from './compression.js';
import { RateLimiter, tokenRateLimitOf, type RateLimitOptions } from './rate-limit.js';
import { dashboardRouter } from './dashboard.js';
import { healthHandler } from './health.js';
import { registerOperationsRoutes } from './operations.routes.js';
import { findRepoRoot } from './repo-root.js';

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
  /** Query depth and cost limits (default DEFAULT_QUERY_LIMITS). */
  queryLimits?: QueryLimits;
  /** Requests per API token (default: the configured TOKEN_RATE_LIMIT per minute). */
  tokenRateLimit?: RateLimitOptions;
}

type WsExtra = {
  viewer?: Viewer | null;
};

export interface RunningHttpServer {
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  port: number;
  /** Stops Apollo, closes websockets and the HTTP server (waits for in-flight requests). */
  close(): Promise<void>;
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
  const httpServer = createServer(expressApp);

  // noServer: upgrades are routed here explicitly, so HTTP listen errors stay with the HTTP server.
  const wsServer = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });
  const launcher = options.launcher ?? new JobQueueLauncher(app);
  const limits = options.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const limiter = new RateLimiter(options.tokenRateLimit ?? tokenRateLimitOf(app.config));
  const secureCookie = app.config.publicUrl.startsWith('https:');

  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      // connection_init is authenticated like HTTP: payload.authorization ("Bearer …") or the session cookie.
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const { viewer } = await authenticate(app.ds, { authorization: typeof auth === 'string' ? auth : null, cookie: ctx.extra.request.headers.cookie });
        if (!viewer) return false;
        (ctx.extra as WsExtra).viewer = viewer;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const viewer = (ctx.extra as WsExtra).viewer;
        if (viewer?.kind === 'API_TOKEN') {
          const retryAfter = limiter.hit(`token:${viewer.tokenId}`);
          if (retryAfter != null) return [new GraphQLError(`Rate limit exceeded: retry in ${retryAfter} s`, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } })];
        }
        try {
          assertWithinLimits(parse(payload.query), payload.operationName, payload.variables ?? undefined, limits);
        } catch (e) {
          if (e instanceof GraphQLError) return [e];
          throw e;
        }
        return undefined;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: withErrorCodes(result.errors) } : result),
      onError: (_ctx, _id, _payload, errors) => withErrorCodes(errors),
      context: (ctx) => createGraphQLContext(app, { viewer: (ctx.extra as WsExtra).viewer ?? null, launcher }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    csrfPrevention: true,
    logger,
    formatError,
    plugins: [
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, operationName, request }) {
              assertWithinLimits(document, operationName, request.variables, limits);
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
              await wsCleanup.dispose();
              await launcher.close();
              await new Promise<void>((resolve) => wsServer.close(() => resolve()));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  expressApp.get('/healthz', healthHandler(app.ds));
  registerOperationsRoutes(expressApp, app, { graphqlPath: GRAPHQL_PATH }); // /readyz, /metrics, GraphQL timing
  expressApp.use(
    GRAPHQL_PATH,
    compressAnswers(),
    express.json({ limit: '1mb' }),
    authMiddleware(app.ds, limiter),
    expressMiddleware(apollo, {
      context: async ({ res }) => createGraphQLContext(app, { viewer: (res.locals as AuthLocals).viewer ?? null, launcher, cookies: sessionCookies(res, secureCookie) }),
    }),
  );
  expressApp.use(dashboardRouter(options.webDist ?? join(findRepoRoot(), 'web', 'dist')));

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

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppContext } from '../app-context.js';
import { createGraphQLContext, type GraphQLContext } from '../graphql/context.js';
import { buildHomeroomSchema } from '../graphql/schema.js';
import { dashboardRouter } from './dashboard.js';
import { healthHandler } from './health.js';
import { findRepoRoot } from './repo-root.js';

export const GRAPHQL_PATH = '/graphql';

export interface HttpServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; all interfaces when omitted. */
  host?: string;
  /** The built dashboard; defaults to web/dist of the checkout. */
  webDist?: string;
}

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
  const wsCleanup = useServer<Record<string, unknown>>({ schema, context: () => createGraphQLContext(app) }, wsServer);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    csrfPrevention: true,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
              await new Promise<void>((resolve) => wsServer.close(() => resolve()));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  expressApp.get('/healthz', healthHandler(app.ds));
  expressApp.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createGraphQLContext(app) }),
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

import type { AppContext } from '../../src/app-context.js';
import type { Logger } from '../../src/logger.js';
import { AdminUserService } from '../../src/auth/admin-user.service.js';
import { ApiTokenService } from '../../src/auth/api-token.service.js';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictScope } from '../../src/auth/viewer.js';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from '../../src/http/http-server.js';
import { InProcessLauncher } from '../../src/sync/sync-launcher.js';
import { testApp } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface ApiServer {
  db: TestDatabase;
  app: AppContext;
  server: RunningHttpServer;
  launcher: InProcessLauncher;
  /** POST /graphql; `auth` is a bearer secret (session or API token). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: string | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery staple';

/** A real server on port 0 over a fresh database; runs started through the API execute in-process. */
export async function startApiServer(
  dialect: TestDatabase['dialect'],
  options: Partial<HttpServerOptions> & { env?: Record<string, string>; logger?: Logger } = {},
): Promise<ApiServer> {
  const db = await createTestDatabase(dialect);
  const app = testApp(db, options.env, options.logger);
  const launcher = new InProcessLauncher(app);
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', launcher, ...options });
  return {
    db,
    app,
    server,
    launcher,
    async gql(query, variables = {}, auth = null) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await server.close();
      await launcher.close();
      await db.drop();
    },
  };
}

/** Creates an admin and signs in through the API; returns the session bearer. */
export async function adminSession(api: ApiServer, email: string, role: AdminRole, districtId: number | null = null): Promise<string> {
  await new AdminUserService(api.app.ds).create({ email, password: PASSWORD, role, districtId });
  const res = await api.gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: PASSWORD });
  if (!res.data?.login?.token) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

export async function apiTokenFor(api: ApiServer, districtId: number, name = 'partner'): Promise<string> {
  return (await new ApiTokenService(api.app.ds).create(DistrictScope.all(), { districtId, name })).secret;
}

/** Polls `check` until it gives a truthy value; `what` (read when the time is up) names what the wait was for. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  what: string | (() => string) = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import type { AppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/http-server.js';
import { createLogger } from '../../src/logger.js';
import { createHomeroomPubSub } from '../../src/events/pubsub.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { APP_HOOKS } from '../../src/cli/app-hooks.js';

// Static serving and lifecycle do not depend on the database dialect: SQLite only.
describe('HTTP server: dashboard files and lifecycle', () => {
  let db: TestDatabase;
  let app: AppContext;
  let dist: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = {
      config: loadConfig({ DATABASE_URL: db.url, SECRET_KEY: 'test-secret-key-0123456789', LOG_LEVEL: 'silent', PORT: '0' }),
      ds: db.ds,
      logger: createLogger('silent'),
      pubsub: createHomeroomPubSub(),
      hooks: APP_HOOKS,
    };
    dist = mkdtempSync(join(tmpdir(), 'homeroom-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Homeroom</title><div id="app"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("homeroom")');
  });

  afterAll(async () => {
    rmSync(dist, { recursive: true, force: true });
    await db.drop();
  });

  describe('with a built dashboard', () => {
    let server: RunningHttpServer;
    beforeAll(async () => {
      server = await startHttpServer(app, { port: 0, host: '127.0.0.1', webDist: dist });
    });
    afterAll(() => server.close());

    it('serves index.html at / and for client-side routes', async () => {
      for (const path of ['/', '/districts/12', '/runs/3/changes']) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        expect(await res.text()).toContain('<div id="app">');
      }
    });

    it('serves hashed assets with a long cache lifetime and 404s missing files', async () => {
      const asset = await fetch(`${server.url}/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${server.url}/assets/missing-file.js`)).status).toBe(404);
    });

    it('leaves API paths to the API', async () => {
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect((await fetch(`${server.url}/graphql/anything`)).headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(404);
    });
  });

  it('says how to build the dashboard when web/dist is missing', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', webDist: join(dist, 'nope') });
    try {
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('npm run build -w web');
    } finally {
      await server.close();
    }
  });

  it('closes websockets and frees the port on close()', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', webDist: dist });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await server.close();
    expect(await closed).toBe(1001);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await server.close(); // idempotent
  });

  it('refuses websocket upgrades on other paths', async () => {
    const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', webDist: dist });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/not-graphql`, 'graphql-transport-ws');
      await expect(
        new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        }),
      ).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('fails to start on a port already in use', async () => {
    const first = await startHttpServer(app, { port: 0, host: '127.0.0.1', webDist: dist });
    try {
      await expect(startHttpServer(app, { port: first.port, host: '127.0.0.1', webDist: dist })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});

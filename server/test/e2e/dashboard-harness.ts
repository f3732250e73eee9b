import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../web/e2e/browser.js';
import { ensureWebBuild } from '../../../web/e2e/web-build.js';
import type { AppContext } from '../../src/app-context.js';
import { AdminUserService } from '../../src/auth/admin-user.service.js';
import { AdminRole } from '../../src/auth/roles.js';
import { createDemoDistrict } from '../../src/cli/commands/demo.command.js';
import { loadConfig } from '../../src/config.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/http-server.js';
import { findRepoRoot } from '../../src/repo-root.js';
import { createLogger } from '../../src/logger.js';
import { createHomeroomPubSub } from '../../src/events/pubsub.js';
import { InProcessLauncher, type SyncLauncher } from '../../src/sync/sync-launcher.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { APP_HOOKS } from '../../src/cli/app-hooks.js';

export const root = findRepoRoot();
export const SCREENSHOTS = join(root, 'web/e2e/screenshots');
export const PASSWORD = 'correct-horse-battery';

/**
 * Hands runs to the in-process executor after a pause, so the page first shows the run
 * "Scheduled" and every later state can only arrive over the subscription. A test that must
 * see "Scheduled" whatever the machine's load holds the next launch until it is watching.
 */
class DelayedLauncher implements SyncLauncher {
  private readonly pending = new Set<Promise<void>>();
  private gate: Promise<void> | null = null;
  private releaseGate = () => {};
  constructor(
    private readonly inner: InProcessLauncher,
    private readonly delayMs: number,
  ) {}
  async launch(runId: number): Promise<void> {
    const gate = this.gate;
    this.gate = null;
    const p = Promise.all([new Promise<void>((resolve) => setTimeout(resolve, this.delayMs)), gate]).then(() => this.inner.launch(runId));
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
  holdNextLaunch(): () => void {
    this.gate = new Promise<void>((resolve) => (this.releaseGate = resolve));
    return this.releaseGate;
  }
  async close(): Promise<void> {
    this.releaseGate(); // a test that failed before releasing must not hang the close
    await Promise.all([...this.pending]);
    await this.inner.close();
  }
}

export interface Dashboard {
  db: TestDatabase;
  app: AppContext;
  server: RunningHttpServer;
  browser: Browser;
  /** Creates an admin user and returns its email. */
  admin(role: AdminRole, districtId?: number): Promise<string>;
  /** A demo district of `students` students, synced once. */
  demoDistrict(name: string, students: number): Promise<number>;
  /** A fresh browser context (own cookies) signed in as `email`. */
  signedInPage(email: string): Promise<Page>;
  /** Keeps the next run started Scheduled until the returned function is called (and the usual delay is over). */
  holdNextLaunch(): () => void;
  close(): Promise<void>;
}

export async function startDashboard(options: { launchDelayMs?: number } = {}): Promise<Dashboard> {
  ensureWebBuild(join(root, 'web'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db = await createTestDatabase('sqlite');
  const app: AppContext = {
    config: loadConfig({ DATABASE_URL: db.url, SECRET_KEY: 'test-secret-key-0123456789', LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: '/tmp/homeroom-test-data' }),
    ds: db.ds,
    logger: createLogger('silent'),
    pubsub: createHomeroomPubSub(),
    hooks: APP_HOOKS,
  };
  const launcher = new DelayedLauncher(new InProcessLauncher(app), options.launchDelayMs ?? 800);
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1', launcher });
  const browser = await launchChromium();
  let n = 0;
  const dashboard: Dashboard = {
    db,
    app,
    server,
    browser,
    async admin(role, districtId) {
      const email = `${role.toLowerCase()}-${++n}@example.org`;
      await new AdminUserService(db.ds).create({ email, password: PASSWORD, role, districtId: districtId ?? null });
      return email;
    },
    async demoDistrict(name, students) {
      return (await createDemoDistrict(app, name, students)).districtId;
    },
    async signedInPage(email) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await signIn(page, server.url, email);
      return page;
    },
    holdNextLaunch: () => launcher.holdNextLaunch(),
    async close() {
      await browser?.close();
      await launcher.close();
      await server?.close();
      await db?.drop();
    },
  };
  return dashboard;
}

export async function signIn(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('[data-test=sign-in]');
  await page.locator('[data-test=whoami]').waitFor({ timeout: 15_000 });
}

/** Full-page screenshot under web/e2e/screenshots/ (git-ignored), for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150); // let transitions settle
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

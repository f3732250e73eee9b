import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { launchChromium } from '../../../web/e2e/browser.js';
import { AdminUserService } from '../../src/auth/admin-user.service.js';
import { AdminRole } from '../../src/auth/roles.js';
import { ensureWebBuild } from '../../../web/e2e/web-build.js';
import type { AppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/http-server.js';
import { findRepoRoot } from '../../src/repo-root.js';
import { createLogger } from '../../src/logger.js';
import { createHomeroomPubSub } from '../../src/events/pubsub.js';
import { District } from '../../src/roster/district.entity.js';
import { Person } from '../../src/roster/person.entity.js';
import { PersonRole, SourceKind } from '../../src/roster/roster-enums.js';
import { School } from '../../src/roster/school.entity.js';
import { Section } from '../../src/roster/section.entity.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { APP_HOOKS } from '../../src/cli/app-hooks.js';
import { makeDistrict } from '../support/factories.js';

const root = findRepoRoot();

async function insertAll<T extends ObjectLiteral>(ds: DataSource, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await ds
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  }
}

/** A district with `schools` live schools (+1 deleted), `sections` sections and the given people. */
async function seedDistrict(
  ds: DataSource,
  fields: Partial<District> & { name: string },
  counts: { schools: number; sections: number; students: number; teachers: number },
): Promise<District> {
  const district = await makeDistrict(ds, fields);
  const districtId = district.id;
  await insertAll(ds, School, [
    ...Array.from({ length: counts.schools }, (_, i) => ({ districtId, sourceId: `sch-${i}`, name: `School ${i + 1}` })),
    { districtId, sourceId: 'sch-closed', name: 'Closed School', deletedAt: new Date() },
  ]);
  const schoolId = (await ds.getRepository(School).findOneByOrFail({ districtId, sourceId: 'sch-0' })).id;
  await insertAll(
    ds,
    Section,
    Array.from({ length: counts.sections }, (_, i) => ({ districtId, schoolId, sourceId: `sec-${i}`, name: `Section ${i + 1}` })),
  );
  const person = (role: PersonRole, i: number) => ({ districtId, role, sourceId: `${role}-${i}`, givenName: `Given${i}`, familyName: `Family${i}` });
  await insertAll(ds, Person, [
    ...Array.from({ length: counts.students }, (_, i) => person(PersonRole.STUDENT, i)),
    ...Array.from({ length: counts.teachers }, (_, i) => person(PersonRole.TEACHER, i)),
  ]);
  return district;
}

describe('dashboard home in Chromium', () => {
  let db: TestDatabase;
  let server: RunningHttpServer;
  let browser: Browser;
  let page: Page;
  let lincoln: District;

  beforeAll(async () => {
    ensureWebBuild(join(root, 'web'));
    db = await createTestDatabase('sqlite');
    lincoln = await seedDistrict(
      db.ds,
      { name: 'Lincoln Unified School District', sourceKind: SourceKind.CLEVER_API, timezone: 'America/Chicago' },
      { schools: 12, sections: 184, students: 1250, teachers: 86 },
    );
    await seedDistrict(
      db.ds,
      { name: 'Adams County Schools', sourceKind: SourceKind.ONEROSTER_CSV, syncEnabled: false },
      { schools: 4, sections: 37, students: 310, teachers: 22 },
    );
    const app: AppContext = {
      config: loadConfig({ DATABASE_URL: db.url, SECRET_KEY: 'test-secret-key-0123456789', LOG_LEVEL: 'silent', PORT: '0' }),
      ds: db.ds,
      logger: createLogger('silent'),
      pubsub: createHomeroomPubSub(),
      hooks: APP_HOOKS,
    };
    await new AdminUserService(db.ds).create({ email: 'ops@example.org', password: 'correct-horse-battery', role: AdminRole.PLATFORM_ADMIN });
    server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.drop();
  });

  it('shows each district with its live school, section and people counts', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    // Signed out, the dashboard asks to sign in; a wrong password is refused in plain words.
    await page.goto(server.url);
    await page.locator('#email').waitFor({ timeout: 15_000 });
    await page.fill('#email', 'ops@example.org');
    await page.fill('#password', 'not-the-password');
    await page.click('[data-test=sign-in]');
    await page.locator('[role=alert]').waitFor();
    expect(await page.locator('[role=alert]').innerText()).toContain('Wrong email or password');
    mkdirSync(join(root, 'web/e2e/screenshots'), { recursive: true });
    await page.screenshot({ path: join(root, 'web/e2e/screenshots', 'sign-in-refused.png') });
    await page.fill('#password', 'correct-horse-battery');
    await page.click('[data-test=sign-in]');
    await expect(page.title()).resolves.toContain('Homeroom');
    expect(await page.locator('[data-test=whoami]').innerText()).toContain('ops@example.org');
    expect(await page.locator('[data-test=role]').innerText()).toBe('Platform admin');
    const card = page.locator(`[data-district-id="${lincoln.id}"]`);
    await card.waitFor({ timeout: 15_000 });

    expect(await page.locator('.brand').innerText()).toContain('Homeroom');
    expect(await card.locator('h2').innerText()).toBe('Lincoln Unified School District');
    expect(await card.locator('[data-stat="schools"] dd').innerText()).toBe('12');
    expect(await card.locator('[data-stat="sections"] dd').innerText()).toBe('184');
    expect(await card.locator('[data-stat="people"] dd').innerText()).toBe('1,336');
    expect(await card.innerText()).toContain('1,250 students · 86 teachers');
    expect(await card.innerText()).toContain('Clever API');
    // Districts are listed by name; a paused district says so.
    expect(await page.locator('.card h2').allInnerTexts()).toEqual(['Adams County Schools', 'Lincoln Unified School District']);
    expect(await page.locator('.card').first().innerText()).toContain('Sync paused');

    expect(await card.locator('[data-test=last-run]').innerText()).toContain('Never synced');
    await page.screenshot({ path: join(root, 'web/e2e/screenshots', 'dashboard-home.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('serves the dashboard for client-side routes too (SPA fallback)', async () => {
    const res = await page.goto(`${server.url}/districts/${lincoln.id}`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('[data-test=district-name]').innerText()).toBe('Lincoln Unified School District');
  });
});

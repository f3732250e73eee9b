import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { PersonRole } from '../../src/roster/roster-enums.js';
import type { SyncRun } from '../../src/sync/sync-run.entity.js';
import { FixtureSource, smallDistrict } from '../support/fixture-source.js';
import { createDistrict, sync } from '../support/test-app.js';
import { collectErrors, screenshot, signIn, startDashboard, type Dashboard } from './dashboard-harness.js';
import { DESKTOP, horizontalOverflow, PHONE, seriousViolations } from './page-checks.js';

/**
 * The person page (#13 item 8): reached from the people search and from a section's roster,
 * it answers "when did this student leave section X, and which run did it?" — each change
 * links to its run. Lists share one order. At 1280×800 and 390×844, axe-clean, no sideways page scroll.
 */
describe('dashboard: the person page in Chromium', () => {
  let d: Dashboard;
  let district: number;
  let edit: SyncRun;
  let email: string;

  beforeAll(async () => {
    d = await startDashboard();
    district = (await createDistrict(d.app, 'Maple Grove Schools')).id;
    const source = new FixtureSource(smallDistrict());
    source.data.enrollments.push({ sourceId: null, sectionSourceId: 'SECOLD', personSourceId: 'P1', role: PersonRole.STUDENT, primary: false });
    await sync(d.app, district, { source, asOf: '2026-03-01' }); // last year's section, ended by the next sync
    await sync(d.app, district, { source });
    // Kid1 leaves Math 1 and is renamed Kit.
    source.data.enrollments = source.data.enrollments.filter((e) => !(e.personSourceId === 'P1' && e.sectionSourceId === 'SEC1'));
    source.data.people.find((p) => p.sourceId === 'P1')!.fields.givenName = 'Kit';
    edit = await sync(d.app, district, { source, overrideThreshold: true });
    email = await d.admin(AdminRole.DISTRICT_ADMIN, district);
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${label}: from the people search to the person page and the run that removed a section`, async () => {
      const context = await d.browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, d.server.url, email);
      const errors = collectErrors(page);
      await page.goto(`${d.server.url}/districts/${district}/roster`);
      await page.locator('.n-tabs-tab:has-text("People search"), .n-tabs-rail .n-tabs-tab:has-text("People")').first().click();
      await page.locator('[data-test=person-link]').first().waitFor();
      // The one order: family name, given name, id.
      expect(await page.locator('[data-test=person-link]').allTextContents()).toEqual([
        'Grace Hopper',
        'Ada Lovelace',
        'Kid10 Student',
        'Kid2 Student',
        'Kid3 Student',
        'Kid4 Student',
        'Kid5 Student',
        'Kid6 Student',
        'Kid7 Student',
        'Kid8 Student',
        'Kid9 Student',
        'Kit Student',
        'Alan Turing',
      ]);
      await page.locator('input[aria-label="Search people"]').fill('student');
      await page.waitForFunction(() => document.querySelectorAll('[data-test=person-link]').length === 10);
      const names = await page.locator('[data-test=person-link]').allTextContents();
      expect(names).toEqual(['Kid10', 'Kid2', 'Kid3', 'Kid4', 'Kid5', 'Kid6', 'Kid7', 'Kid8', 'Kid9', 'Kit'].map((g) => `${g} Student`));
      await page.locator('[data-test=person-link]:has-text("Kit Student")').click();

      await page.locator('[data-test=person-history] li').first().waitFor();
      expect(await page.locator('[data-test=person-name]').textContent()).toBe('Kit Student');
      expect(await page.locator('[data-test=person-schools]').textContent()).toBe('North Elementary');
      // Live sections, and last year's marked ended.
      const sections = page.locator('[data-test=person-sections] li');
      expect(await sections.count()).toBe(1);
      expect(await sections.first().textContent()).toContain('Old Math');
      expect(await sections.first().locator('[data-test=section-ended]').count()).toBe(1);
      // When did Kit leave Math 1, and which run did it?
      const left = page.locator('[data-test=person-history] > li', { hasText: 'Left Math 1' });
      expect(await left.count()).toBe(1);
      expect(await left.locator('[data-test=history-run]').textContent()).toContain(`Run #${edit.id}`);
      expect(await page.locator('[data-test=person-history] > li', { hasText: 'Updated: first name' }).textContent()).toContain('first name: Kid1 → Kit');
      await screenshot(page, `person-${label}`);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      await left.locator('[data-test=history-run]').click();
      await page.waitForURL(new RegExp(`/districts/${district}/runs/${edit.id}$`));
      await page.locator('[data-test=report]').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);

    it(`${label}: from a section's roster to a teacher's page`, async () => {
      const context = await d.browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, d.server.url, email);
      await page.goto(`${d.server.url}/districts/${district}/roster`);
      await page.locator('.school-nav button:has-text("North Elementary")').click();
      const row = page.locator('tr', { hasText: 'Math 1' }).first();
      await row.waitFor();
      await screenshot(page, `person-roster-${label}`);
      expect(await horizontalOverflow(page)).toBe(0);
      await row.locator('[data-test=person-link]:has-text("Ada Lovelace")').click();
      await page.locator('[data-test=person-name]:has-text("Ada Lovelace")').waitFor();
      await page.locator('[data-test=person-history] li').first().waitFor();
      expect(await page.locator('[data-test=person-sections] li').first().textContent()).toContain('Primary teacher');
      await screenshot(page, `person-teacher-${label}`);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }, 120_000);
  }
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SyncMode } from '../../src/sync/sync-enums.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { sync } from '../support/test-app.js';
import { collectErrors, screenshot, signIn, startDashboard, type Dashboard } from './dashboard-harness.js';
import { DESKTOP, horizontalOverflow, PHONE, seriousViolations, wideBoxes } from './page-checks.js';

/**
 * Every page of the dashboard at 1280×800 and 390×844: no serious or critical axe-core
 * violation, no sideways scroll of the page, no console error, and a screenshot to look at.
 */
describe('dashboard: every page on a desktop and a phone, accessible', () => {
  let d: Dashboard;
  let district: number;
  let runId: number;
  let previewId: number;
  let email: string;
  let personId: number;

  beforeAll(async () => {
    d = await startDashboard();
    district = await d.demoDistrict('Birch Creek Consolidated Independent School District', 300);
    await d.demoDistrict('Aspen Unified', 40);
    const districts = new DistrictService(d.db.ds, d.app.config.secretKey);
    await districts.update(district, { source: { perturbShare: 0.05, perturbSeed: 3 } });
    runId = (await sync(d.app, district)).id;
    // The source then shares fewer students: the Reset preview has deletions (and crosses the threshold).
    await districts.update(district, { source: { perturbShare: 0.05, perturbSeed: 3, students: 260 } });
    previewId = (await sync(d.app, district, { mode: SyncMode.RESET, dryRun: true })).id;
    email = await d.admin(AdminRole.PLATFORM_ADMIN);
    personId = Number((await d.db.ds.query("SELECT id FROM person WHERE districtId = ? AND role = 'STUDENT' ORDER BY id LIMIT 1", [district]))[0].id);
  }, 240_000);

  afterAll(async () => {
    await d?.close();
  });

  const pages = () => [
    { name: 'districts', path: '/', ready: '.card' },
    { name: 'overview', path: `/districts/${district}`, ready: '[data-test=overview-last-run]' },
    { name: 'wizard', path: `/districts/${district}/sync`, ready: '[data-test=step-schools]' },
    { name: 'history', path: `/districts/${district}/history`, ready: '[data-test=runs-table] tbody tr' },
    { name: 'run', path: `/districts/${district}/runs/${runId}`, ready: '[data-test=report]' },
    { name: 'preview-run', path: `/districts/${district}/runs/${previewId}`, ready: '[data-test=report]' },
    { name: 'roster', path: `/districts/${district}/roster`, ready: '.school-nav button' },
    { name: 'person', path: `/districts/${district}/people/${personId}`, ready: '[data-test=person-history] li' },
    { name: 'troubleshoot', path: `/districts/${district}/troubleshoot`, ready: 'input' },
    { name: 'settings-schedule', path: `/districts/${district}/settings`, ready: '[data-test=schedule-settings]' },
    { name: 'settings-emails', path: `/districts/${district}/settings?tab=emails`, ready: '[data-test=email-settings]' },
    { name: 'settings-schools', path: `/districts/${district}/settings?tab=schools`, ready: '[data-test=school-settings]' },
    { name: 'settings-mappings', path: `/districts/${district}/settings?tab=mappings`, ready: '[data-test=field-mappings]' },
    { name: 'settings-tokens', path: `/districts/${district}/settings?tab=tokens`, ready: '[data-test=api-tokens]' },
    { name: 'runs', path: '/runs', ready: '[data-test=runs-table] tbody tr' },
  ];

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${label} ${viewport.width}×${viewport.height}: no serious accessibility violation and no sideways page scroll`, async () => {
      const context = await d.browser.newContext({ viewport });
      const page: Page = await context.newPage();
      await signIn(page, d.server.url, email);
      const errors = collectErrors(page);
      const problems: string[] = [];
      for (const p of pages()) {
        await page.goto(`${d.server.url}${p.path}`);
        await page.locator(p.ready).first().waitFor({ timeout: 20_000 });
        await page.waitForTimeout(300);
        await screenshot(page, `page-${p.name}-${label}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${p.name}: the page scrolls sideways by ${overflow}px`);
        for (const wide of await wideBoxes(page)) problems.push(`${p.name}: ${wide}`);
        if (p.name === 'run') {
          // The counts: a table on a desktop, one card per entity on a phone (no column hidden off to the right).
          const cards = await page.locator('[data-test=counts-cards]').isVisible();
          const table = await page.locator('[data-test=counts-table]').isVisible();
          if (cards !== (label === 'phone') || table !== (label === 'desktop'))
            problems.push(`run: counts shown as ${cards ? 'cards' : ''}${table ? 'table' : ''} on a ${label}`);
        }
        for (const v of await seriousViolations(page)) problems.push(`${p.name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it('reaches the run report by keyboard alone from the district overview', async () => {
    const context = await d.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, d.server.url, email);
    await page.goto(`${d.server.url}/districts/${district}`);
    await page.locator('[data-test=overview-last-run]').waitFor();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Open report');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/runs/${runId}$`));
    await page.locator('[data-test=report]').waitFor();
    // A run that changed records can be reverted; the button is not a link's child.
    expect(await page.locator('a button, a [role=button], button a').count()).toBe(0);
    expect(await d.db.ds.getRepository(SyncRun).countBy({ districtId: district })).toBe(3);
    await context.close();
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { DemoDistrict } from '../../src/demo/demo-district.generator.js';
import { District } from '../../src/roster/district.entity.js';
import { SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { collectErrors, screenshot, startDashboard, type Dashboard } from './dashboard-harness.js';
import { DESKTOP, horizontalOverflow, PHONE, seriousViolations } from './page-checks.js';

/** "New school year": choose the first day, preview, start; the Overview then says the district syncs as of it. */
describe('dashboard: the school-year rollover in Chromium', () => {
  let d: Dashboard;
  let district: number;
  let email: string;
  // The demo district's next first day of school, always ahead of today.
  const firstDay = new DemoDistrict({ students: 1 }).nextSchoolYear.start;
  const longDate = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${firstDay}T00:00:00Z`),
  );

  beforeAll(async () => {
    d = await startDashboard({ launchDelayMs: 300 });
    district = await d.demoDistrict('Maple Valley Schools', 400);
    email = await d.admin(AdminRole.DISTRICT_ADMIN, district);
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  it('previews what arrives, ends and is deleted, starts the rollover, and shows the sync date and the continued sections', async () => {
    const page = await d.signedInPage(email);
    const errors = collectErrors(page);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${d.server.url}/districts/${district}`);
    await page.click('[data-test=open-rollover]');
    await page.locator('[data-test=rollover-page]').waitFor();
    await screenshot(page, 'rollover-page-desktop');

    const input = page.locator('[data-test=first-day] input');
    await input.fill(firstDay);
    await input.press('Enter');
    await page.locator('[data-test=rollover-ahead]').waitFor();
    expect(await page.locator('[data-test=rollover-ahead]').innerText()).toContain(`${longDate} is still ahead`);

    await page.click('[data-test=preview-rollover]');
    await page.locator('[data-test=rollover-preview]').waitFor({ timeout: 60_000 });
    const stat = async (name: string) => Number((await page.locator(`[data-stat="${name}"] .n-statistic-value`).innerText()).replace(/\D/g, ''));
    expect(await stat('arrives.Sections')).toBeGreaterThan(0);
    expect(await stat('arrives.Terms')).toBe(2);
    expect(await stat('arrives.Enrollments')).toBeGreaterThan(0);
    expect(await stat('ends.Sections')).toBeGreaterThan(0);
    await page.locator('[data-test=rollover-deletes-nothing]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'rollover-preview-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'rollover-preview-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await page.setViewportSize(DESKTOP);

    const arriving = await stat('arrives.Sections');
    await page.click('[data-test=start-rollover]');
    await page.waitForFunction(() => /\/runs\/\d+$/.test(location.pathname), undefined, { timeout: 10_000 });
    await page.locator('[data-test=launched]').waitFor({ timeout: 60_000 });
    const run = (await new SyncRunService(d.db.ds).get(Number(page.url().split('/').pop())))!;
    expect(run).toMatchObject({ status: SyncStatus.LAUNCHED, trigger: SyncTrigger.ROLLOVER, dryRun: false, asOf: firstDay });
    expect(run.counts!.sections.created).toBe(arriving);
    expect((await d.db.ds.getRepository(District).findOneByOrFail({ id: district })).syncAsOf).toBe(firstDay);

    // The report opens on the continued sections.
    await page.locator('[data-test=section-links-total]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-test=section-links-total]').innerText()).toContain(`${arriving.toLocaleString('en-US')} sections continue`);
    await screenshot(page, 'rollover-run-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'rollover-run-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await page.setViewportSize(DESKTOP);

    await page.goto(`${d.server.url}/districts/${district}`);
    const notice = page.locator('[data-test=sync-as-of-notice]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`Syncing as of ${longDate} (early rollover) until that day`);
    await screenshot(page, 'rollover-overview-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'rollover-overview-phone');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    // Settings show the same date, and clearing it there removes the notice.
    await page.setViewportSize(DESKTOP);
    await page.goto(`${d.server.url}/districts/${district}/settings`);
    const field = page.locator('[data-test=sync-as-of] input');
    await field.waitFor();
    expect(await field.inputValue()).toBe(firstDay);
    await screenshot(page, 'rollover-settings-desktop');
    expect(errors).toEqual([]);
  }, 180_000);
});

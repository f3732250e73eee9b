import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SyncStatus, SyncTrigger } from '../../src/sync/sync-enums.js';
import { SyncRunService } from '../../src/sync/sync-run.service.js';
import { sync } from '../support/test-app.js';
import { collectErrors, screenshot, startDashboard, type Dashboard } from './dashboard-harness.js';
import { PHONE } from './page-checks.js';

/** A scheduled Edit the mass-delete guard held: review its removals, then apply them or keep waiting. */
describe('dashboard: a held sync in Chromium', () => {
  let d: Dashboard;
  let district: number;
  let email: string;

  beforeAll(async () => {
    d = await startDashboard({ launchDelayMs: 300 });
    district = await d.demoDistrict('Cedar Hollow Schools', 200);
    email = await d.admin(AdminRole.DISTRICT_ADMIN, district);
    // The export loses about a third of its enrollments overnight.
    await new DistrictService(d.db.ds, d.app.config.secretKey).update(district, { source: { perturbShare: 0.4, perturbSeed: 11 } });
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  it('shows why it was held and what it would remove; "Apply the removals" runs it with the override', async () => {
    const held = await sync(d.app, district, { trigger: SyncTrigger.SCHEDULED });
    expect(held.status).toBe(SyncStatus.FAILED);
    const deletions = held.counts!.enrollments.deleted;
    expect(deletions).toBeGreaterThan(100);
    const page = await d.signedInPage(email);
    const errors = collectErrors(page);
    await page.goto(`${d.server.url}/districts/${district}/runs/${held.id}`);
    const alert = page.locator('[data-test=held]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`Held: this export would remove ${deletions.toLocaleString('en-US')} of`);
    await page.locator('[data-test=keep-waiting]').waitFor();
    await screenshot(page, 'held-run-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'held-run-phone');
    const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(scrollsSideways).toBe(false);

    await page.click('[data-test=apply-held]');
    await page.getByRole('button', { name: 'Apply the removals' }).last().click();
    // A client-side navigation: no load event.
    await page.waitForFunction((heldId) => /\/runs\/\d+$/.test(location.pathname) && !location.pathname.endsWith(`/runs/${heldId}`), held.id, {
      timeout: 10_000,
    });
    await page.locator('[data-test=launched]').waitFor({ timeout: 60_000 });
    const applied = (await new SyncRunService(d.db.ds).get(Number(page.url().split('/').pop())))!;
    expect(applied).toMatchObject({ status: SyncStatus.LAUNCHED, overrideThreshold: true });
    expect(applied.counts!.enrollments.deleted).toBe(deletions);
    expect(errors).toEqual([]);
  }, 120_000);
});

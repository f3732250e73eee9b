import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { SyncRun } from '../../src/sync/sync-run.entity.js';
import { collectErrors, screenshot, startDashboard, type Dashboard } from './dashboard-harness.js';

describe('dashboard: roles and API tokens in Chromium', () => {
  let d: Dashboard;
  let oak: number;
  let pine: number;

  beforeAll(async () => {
    d = await startDashboard();
    oak = await d.demoDistrict('Oak Hills Schools', 120);
    pine = await d.demoDistrict('Pine Valley District', 120);
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  it('keeps a district admin inside their own district', async () => {
    const page = await d.signedInPage(await d.admin(AdminRole.DISTRICT_ADMIN, oak));
    const errors = collectErrors(page);
    // One district: the admin lands on it instead of a list of one card.
    await page.goto(d.server.url);
    await page.waitForURL(new RegExp(`/districts/${oak}$`));
    expect(await page.locator('[data-test=district-name]').innerText()).toBe('Oak Hills Schools');
    expect(await page.locator('nav[aria-label=Main]').innerText()).not.toContain('Sync runs');

    await page.goto(`${d.server.url}/districts/${pine}`);
    await page.locator('[data-test=district-not-found]').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Pine Valley District');
    await screenshot(page, 'district-admin-other-district');

    // Nor the other district's runs by URL.
    const pineRun = await d.db.ds.getRepository(SyncRun).findOneByOrFail({ districtId: pine });
    await page.goto(`${d.server.url}/runs/${pineRun.id}`);
    await page.locator('text=Sync run not found').waitFor();
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('shows support staff every run but no start, revert or settings buttons', async () => {
    const page = await d.signedInPage(await d.admin(AdminRole.SUPPORT));
    expect(await page.locator('[data-test=role]').innerText()).toContain('Support');
    await page.click('nav[aria-label=Main] >> text=Sync runs');
    await page.locator('[data-test=runs-table] tbody tr').nth(1).waitFor();
    const table = await page.locator('[data-test=runs-table]').innerText();
    expect(table).toContain('Oak Hills Schools');
    expect(table).toContain('Pine Valley District');
    await screenshot(page, 'support-runs');

    await page.goto(`${d.server.url}/districts/${oak}`);
    await page.locator('[data-test=overview-last-run]').waitFor();
    expect(await page.locator('.district-tabs').innerText()).not.toContain('Start sync');
    expect(await page.locator('[data-test=start-edit-sync]').count()).toBe(0);
    await page.click('[data-test=overview-last-run] >> text=Open report');
    await page.locator('[data-test=report]').waitFor();
    expect(await page.locator('[data-test=revert]').count()).toBe(0);
    await page.goto(`${d.server.url}/districts/${oak}/settings?tab=schools`);
    // Support sees which schools sync, read-only.
    await page.locator('[data-test=school-settings] .n-checkbox').first().waitFor();
    expect(await page.locator('[data-test=school-settings] .n-checkbox--disabled').count()).toBe(
      await page.locator('[data-test=school-settings] .n-checkbox').count(),
    );
    await screenshot(page, 'support-settings-schools');
    await page.goto(`${d.server.url}/districts/${oak}/settings?tab=mappings`);
    await page.locator('[data-test=field-mappings]').waitFor();
    expect(await page.locator('.n-tabs-tab:has-text("API tokens")').count()).toBe(0);
    expect(await page.locator('[data-test=api-tokens]').count()).toBe(0);
    expect(await page.locator('[data-test=test-connection]').count()).toBe(0);
    expect(await page.locator('button:has-text("Save")').count()).toBe(0);
    await screenshot(page, 'support-settings');
    await page.context().close();
  });

  it('creates an API token, shows its secret once with a copy button, and revokes it', async () => {
    const page = await d.signedInPage(await d.admin(AdminRole.DISTRICT_ADMIN, oak));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: d.server.url });
    await page.goto(`${d.server.url}/districts/${oak}/settings?tab=tokens`);
    await page.locator('[data-test=api-tokens]').waitFor();
    await page.fill('input[name=token-name]', 'Reading app');
    await page.click('[data-test=create-token]');
    const secretInput = page.locator('input[name=token-secret]');
    await secretInput.waitFor();
    const secret = await secretInput.inputValue();
    expect(secret).toMatch(/^hrt_/);
    await page.click('[data-test=copy-secret]');
    await page.locator('[data-test=copy-secret]:has-text("Copied")').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, 'token-created');

    // The token reads this district's roster.
    const query = async () =>
      fetch(`${d.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ districts { name } }' }),
      });
    expect(((await (await query()).json()) as { data: { districts: Array<{ name: string }> } }).data.districts).toEqual([{ name: 'Oak Hills Schools' }]);

    await page.click('[data-test=close-secret]');
    await secretInput.waitFor({ state: 'detached' });
    const row = page.locator('[data-test=token-list] tbody tr', { hasText: 'Reading app' });
    await row.waitFor();
    expect(await page.locator('[data-test=api-tokens]').innerText()).not.toContain(secret);
    await row.locator('[data-test="revoke-Reading app"]').click();
    await page.click('.n-popconfirm >> button:has-text("Revoke")');
    await row.waitFor({ state: 'detached' });
    await screenshot(page, 'token-revoked');
    expect((await query()).status).toBe(401);
    await page.context().close();
  });
});

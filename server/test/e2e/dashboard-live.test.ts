import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AdminRole } from '../../src/auth/roles.js';
import { District } from '../../src/roster/district.entity.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { SyncMode } from '../../src/sync/sync-enums.js';
import { sync } from '../support/test-app.js';
import { collectErrors, screenshot, signIn, startDashboard, type Dashboard } from './dashboard-harness.js';
import { DESKTOP, PHONE } from './page-checks.js';

/** Starts a sync from another browser tab (as another admin would), over the API. */
async function startElsewhere(page: Page, districtId: number, input: Record<string, unknown> = {}): Promise<string> {
  return page.evaluate(
    async ({ districtId, input }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: StartSyncInput!) { startSync(input: $input) { run { id } } }',
          variables: { input: { districtId: String(districtId), ...input } },
        }),
      });
      return (await res.json()).data.startSync.run.id as string;
    },
    { districtId, input },
  );
}

describe('dashboard: live pages, previews, settings and reports in Chromium', () => {
  let d: Dashboard;
  let district: number;
  let email: string;

  beforeAll(async () => {
    d = await startDashboard({ launchDelayMs: 1500 });
    district = await d.demoDistrict('Willow Bend Schools', 240);
    email = await d.admin(AdminRole.PLATFORM_ADMIN);
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${label}: the districts card, Overview and History follow a run started elsewhere, without a reload`, async () => {
      const context = await d.browser.newContext({ viewport });
      const [cards, overview, history, other] = await Promise.all([context.newPage(), context.newPage(), context.newPage(), context.newPage()]);
      await signIn(cards, d.server.url, email);
      const errors = [cards, overview, history].flatMap((p) => collectErrors(p));
      await cards.goto(d.server.url);
      await overview.goto(`${d.server.url}/districts/${district}`);
      await history.goto(`${d.server.url}/districts/${district}/history`);
      await other.goto(`${d.server.url}/districts/${district}`);
      await overview.locator('[data-test=overview-last-run]').waitFor();
      await history.locator('[data-test=runs-table] tbody tr').first().waitFor();
      const rowsBefore = await history.locator('[data-test=runs-table] tbody tr').count();
      // Relative times tick by themselves.
      const when = overview.locator('[data-test=last-run-when]');
      const first = await when.innerText();
      await overview.waitForFunction((t) => document.querySelector('[data-test=last-run-when]')?.textContent !== t, first, { timeout: 5_000 });

      const runId = await startElsewhere(other, district);
      const card = cards.locator(`[data-district-id="${district}"]`);
      await card.locator('[data-test=running]').waitFor({ timeout: 3_000 });
      await overview.locator('[data-test=active-run]').waitFor({ timeout: 3_000 });
      await history.locator(`[data-test=runs-table] tbody tr >> nth=0 >> text=#${runId}`).waitFor({ timeout: 3_000 });
      expect(await history.locator('[data-test=runs-table] tbody tr').count()).toBe(rowsBefore + 1);
      await screenshot(overview, `live-overview-running-${label}`);
      await screenshot(cards, `live-districts-running-${label}`);

      await card.locator('[data-test=last-run] [data-status="LAUNCHED"]').waitFor({ timeout: 30_000 });
      await card.locator('[data-test=running]').waitFor({ state: 'detached', timeout: 3_000 });
      await overview.locator('[data-test=active-run]').waitFor({ state: 'detached', timeout: 3_000 });
      await history.locator('[data-test=runs-table] tbody tr >> nth=0 >> [data-status="LAUNCHED"]').waitFor({ timeout: 3_000 });
      expect(await card.locator('[data-test=last-run]').innerText()).toMatch(/seconds? ago|now/);
      await screenshot(history, `live-history-launched-${label}`);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('never shows a preview as the last sync; History lists it, marked as a preview', async () => {
    const page = await d.signedInPage(email);
    const applied = await sync(d.app, district);
    await sync(d.app, district, { mode: SyncMode.RESET, dryRun: true });
    await page.goto(`${d.server.url}/districts/${district}`);
    const last = page.locator('[data-test=overview-last-run]');
    await last.locator('[data-status]').waitFor();
    expect(await last.innerText()).not.toContain('preview');
    expect(await last.locator('a:has-text("Open report")').getAttribute('href')).toBe(`/districts/${district}/runs/${applied.id}`);
    await page.goto(d.server.url);
    const card = page.locator(`[data-district-id="${district}"] [data-test=last-run]`);
    await card.locator('[data-status]').waitFor();
    expect(await card.innerText()).not.toContain('preview');
    await page.goto(`${d.server.url}/districts/${district}/history`);
    await page.locator('[data-test=runs-table] tbody tr').first().waitFor();
    expect(await page.locator('[data-test=runs-table] tbody tr').first().innerText()).toContain('Reset (preview)');
    await page.context().close();
  });

  it('pages a run’s change log past its first page and exports every record as CSV', async () => {
    await new DistrictService(d.db.ds, d.app.config.secretKey).update(district, { source: { students: 150 } });
    const preview = await sync(d.app, district, { mode: SyncMode.RESET, dryRun: true });
    const page = await d.signedInPage(email);
    const errors = collectErrors(page);
    await page.goto(`${d.server.url}/districts/${district}/runs/${preview.id}`);
    await page.click('.n-tabs-tab:has-text("Planned records")');
    const changes = page.locator('[data-test=changes]');
    await changes.locator('tbody tr').first().waitFor();
    const range = changes.locator('[data-test=page-range]');
    const total = Number((await range.innerText()).match(/of ([\d,]+) records/)![1].replace(/,/g, ''));
    expect(total).toBeGreaterThan(200);
    expect(await range.innerText()).toBe(`1–100 of ${total.toLocaleString('en-US')} records`);
    await changes.locator('[data-test=next-page]').click();
    await page.waitForFunction(() => document.querySelector('[data-test=page-range]')?.textContent?.startsWith('101–200'));
    await screenshot(page, 'run-plan-page-2');

    const [download] = await Promise.all([page.waitForEvent('download'), changes.locator('[data-test=export-changes]').click()]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Action,Type,Source id,Name,Before,After');
    expect(lines).toHaveLength(total + 1);
    expect(lines.filter((l) => l.startsWith('DELETE,')).length).toBe(
      preview.counts!.people.deleted +
        preview.counts!.enrollments.deleted +
        preview.counts!.sections.deleted +
        preview.counts!.schools.deleted +
        preview.counts!.terms.deleted +
        preview.counts!.courses.deleted,
    );

    // Filtered: only deletions of people.
    await changes.locator('[data-test=filter-action]').click();
    await page.click('.n-base-select-option:has-text("Delete")');
    await changes.locator('[data-test=filter-entity]').click();
    await page.click('.n-base-select-option:has-text("People")');
    await page.waitForFunction(
      (n) => document.querySelector('[data-test=page-range]')?.textContent?.endsWith(`of ${n} records`),
      String(preview.counts!.people.deleted),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('Settings: tabs for schedule and emails; unsaved edits are not dropped when switching tabs', async () => {
    const page = await d.signedInPage(email);
    await page.goto(`${d.server.url}/districts/${district}/settings`);
    const schedule = page.locator('[data-test=schedule-settings]');
    await schedule.waitFor();
    await schedule.locator('[data-test=schedule-preset]').click();
    await page.click('.n-base-select-option:has-text("Every 4 hours")');
    expect(await schedule.locator('[data-test=schedule-summary]').innerText()).toMatch(/^Every 4 hours/);

    await page.click('.settings-tabs .n-tabs-tab:has-text("Emails")');
    await page.locator('.n-dialog:has-text("Discard unsaved changes to Schedule?")').waitFor();
    await screenshot(page, 'settings-unsaved-guard');
    await page.click('.n-dialog button:has-text("Keep editing")');
    expect(await schedule.isVisible()).toBe(true);
    await page.click('[data-test=save-schedule]');
    await page.locator('text=Schedule saved.').waitFor();
    expect((await d.db.ds.getRepository(District).findOneByOrFail({ id: district })).schedule).toBe('0 */4 * * *');

    await page.click('.settings-tabs .n-tabs-tab:has-text("Emails")');
    const emails = page.locator('[data-test=email-settings]');
    await emails.waitFor();
    for (const address of ['it@willow.example', 'super@willow.example']) {
      await emails.locator('input[aria-label="Add an email address"]').fill(address);
      await emails.locator('[data-test=add-email]').click();
    }
    await emails.locator('[data-email="super@willow.example"] .n-select').click();
    await page.click('.n-base-select-option:has-text("Failures and Resets only")');
    await screenshot(page, 'settings-emails');
    await page.click('[data-test=save-emails]');
    await page.locator('text=Email settings saved.').waitFor();
    const saved = await d.db.ds.getRepository(District).findOneByOrFail({ id: district });
    expect(saved.notifyEmails).toEqual(['it@willow.example', 'super@willow.example']);
    expect(saved.notifyProblemsOnly).toEqual(['super@willow.example']);
    await page.context().close();
  }, 60_000);

  it('does not offer Revert for a run that changed nothing', async () => {
    await new DistrictService(d.db.ds, d.app.config.secretKey).update(district, { source: { students: 240 } });
    await sync(d.app, district);
    const idle = await sync(d.app, district);
    const page = await d.signedInPage(email);
    await page.goto(`${d.server.url}/districts/${district}/runs/${idle.id}`);
    await page.locator('[data-test=launched]').waitFor();
    expect(await page.locator('[data-test=revert]').count()).toBe(0);
    await page.context().close();
  });
});

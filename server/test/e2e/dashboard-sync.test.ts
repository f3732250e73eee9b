import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { AdminRole } from '../../src/auth/roles.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { collectErrors, screenshot, startDashboard, type Dashboard } from './dashboard-harness.js';
import { horizontalOverflow, PHONE } from './page-checks.js';

const DISTRICT = 'Maple Grove Unified';

/** Records every status the run page's chip shows, so a test can tell the states it went through. */
async function watchStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __statuses: string[]; __marker: boolean };
    w.__statuses = [];
    w.__marker = true; // gone if the page reloads
    const record = () => {
      const s = document.querySelector('.run__status [data-status]')?.getAttribute('data-status');
      if (s && w.__statuses[w.__statuses.length - 1] !== s) w.__statuses.push(s);
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

describe('dashboard: start and watch syncs in Chromium', () => {
  let d: Dashboard;
  let page: Page;
  let errors: string[];
  let districtId: number;

  beforeAll(async () => {
    d = await startDashboard({ launchDelayMs: 1200 });
    districtId = await d.demoDistrict(DISTRICT, 200);
    // The next export changes 5% of people and sections: the Edit sync has updates to show.
    await new DistrictService(d.db.ds, d.app.config.secretKey).update(districtId, { source: { perturbShare: 0.05, perturbSeed: 7 } });
    const email = await d.admin(AdminRole.DISTRICT_ADMIN, districtId);
    page = await d.signedInPage(email);
    errors = collectErrors(page);
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  it('starts an Edit sync and follows it to Launched without a reload, then shows the report', async () => {
    // From the Overview: one button and one confirmation (the saved settings are not re-saved).
    await page.goto(`${d.server.url}/districts/${districtId}`);
    await page.click('[data-test=start-edit-sync]');
    await page.locator('.n-dialog').waitFor();
    await screenshot(page, 'sync-edit-confirm');
    // The run stays Scheduled until the page is watching, however slow the machine is today.
    const launch = d.holdNextLaunch();
    await page.click('.n-dialog button:has-text("Start Edit sync")');
    await page.waitForURL(/\/districts\/\d+\/runs\/\d+$/);
    // The run page keeps the district's tabs and a breadcrumb back to History.
    await page.locator('.district-tabs .n-tabs-tab--active:has-text("History")').waitFor();
    await page.locator('.run__status [data-status]').waitFor();
    await watchStatuses(page);
    launch();
    await screenshot(page, 'run-live-waiting');
    await page.locator('.run__status [data-status="LAUNCHED"]').waitFor({ timeout: 30_000 });

    const seen = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    expect(seen[0]).toBe('SCHEDULED');
    expect(seen[seen.length - 1]).toBe('LAUNCHED');
    expect(await page.evaluate(() => (window as unknown as { __marker?: boolean }).__marker)).toBe(true);

    // The report appears in place: counts per entity and action, the changes with before/after.
    const report = page.locator('[data-test=report]');
    await report.waitFor();
    expect(await page.locator('.run__status').innerText()).toContain('Launched');
    const updated = Number((await report.locator('[data-cell="people.updated"]').innerText()).replace(/,/g, ''));
    expect(updated).toBeGreaterThan(0);
    await screenshot(page, 'run-launched-report');

    await page.click('.n-tabs-tab:has-text("Changes")');
    await page.locator('[data-test=changes] del').first().waitFor();
    expect(await page.locator('[data-test=changes] ins').count()).toBeGreaterThan(0);
    await screenshot(page, 'run-changes');

    await page.click('.n-tabs-tab:has-text("Issues")');
    const group = page.locator('[data-test=issues] [data-code]').first();
    if (await group.count()) {
      await group.locator('.n-collapse-item__header').click();
      await group.locator('text=How to fix it.').waitFor();
      await screenshot(page, 'run-issues');
    }

    // The report link in sync emails (/districts/<id>/runs/<runId>) opens the same report.
    const runId = page.url().match(/\/runs\/(\d+)$/)![1];
    const { runReportUrl } = await import('../../src/notify/run-email.js');
    await page.goto(runReportUrl(d.server.url, districtId, Number(runId)));
    await page.waitForURL(new RegExp(`/runs/${runId}$`));
    await page.locator('[data-test=report]').waitFor();
    expect(errors).toEqual([]);
  });

  it('exports new students of the first sync as CSV', async () => {
    await page.goto(`${d.server.url}/districts/${districtId}/history`);
    await page.locator('[data-test=runs-table] tbody tr').nth(1).waitFor();
    await screenshot(page, 'history');
    // The oldest run (the first sync) created every student.
    await page.locator('[data-test=runs-table] tbody tr').last().locator('a').click();
    await page.locator('[data-test=report]').waitFor();
    await page.click('.n-tabs-tab:has-text("New students")');
    await page.locator('[data-test=new-students] tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=new-students] [data-test=export-csv]')]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(path, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('First name,Last name,Email,Username,SIS id,Source id,Grade,Schools');
    expect(lines).toHaveLength(201);
    await screenshot(page, 'run-new-students');
  });

  it('previews a Reset, refuses to start it without the typed district name, and runs it with the name', async () => {
    // The source now shares 150 of the 200 students: a Reset would delete about a quarter of them.
    await new DistrictService(d.db.ds, d.app.config.secretKey).update(districtId, { source: { students: 150 } });
    await page.goto(`${d.server.url}/districts/${districtId}/sync`);
    await page.locator('[data-test=step-schools]').waitFor();
    await screenshot(page, 'sync-step-schools');
    await page.click('[data-test=next-step]');
    await page.locator('[data-test=step-mode]').waitFor();
    await page.click('[data-test=mode-reset]');
    expect(await page.locator('[data-test=start-sync]').isDisabled()).toBe(true);
    await page.click('[data-test=preview-reset]');
    const preview = page.locator('[data-test=reset-preview]');
    await preview.waitFor({ timeout: 30_000 });

    // Counts and the exact records to be deleted, and the threshold warning with its override.
    const deleted = Number((await preview.locator('[data-cell="people.deleted"]').innerText()).replace(/,/g, ''));
    expect(deleted).toBeGreaterThanOrEqual(50);
    await preview.locator('[data-test=changes] tbody tr').first().waitFor();
    expect(await preview.locator('[data-test=changes]').innerText()).toContain('Delete');
    await preview.locator('[data-test=threshold-warning]').waitFor();
    expect(await preview.locator('[data-test=threshold-warning]').innerText()).toContain('Reset refused');
    // The confirmation box looks empty: no placeholder that reads like a pre-filled name.
    expect(await page.locator('#confirm-name').getAttribute('placeholder')).toBeFalsy();
    await screenshot(page, 'reset-preview');
    // On a phone the preview fits the screen: wide tables scroll inside their own box.
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'reset-preview-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    const start = page.locator('[data-test=start-sync]');
    expect(await start.isDisabled()).toBe(true);
    await page.fill('#confirm-name', 'Maple Grove');
    expect(await start.isDisabled()).toBe(true);
    expect(await page.locator('[data-test=reset-preview]').innerText()).toContain('The name does not match');
    await page.fill('#confirm-name', DISTRICT);
    // Still refused: the preview crosses the threshold and the override is not ticked.
    expect(await start.isDisabled()).toBe(true);
    expect(await page.locator('[data-test=start-blocked]').innerText()).toContain('override');
    await page.click('[data-test=override]');
    expect(await start.isDisabled()).toBe(false);
    // The button says what it does, in red.
    expect(await start.innerText()).toBe(
      `Reset: delete ${(await preview.locator('[data-test=changes] [data-test=page-range]').innerText()).match(/of ([\d,]+) records/)![1]} records`,
    );
    expect(await start.getAttribute('class')).toContain('n-button--error-type');
    await screenshot(page, 'reset-confirmed');

    await start.click();
    await page.waitForURL(/\/runs\/\d+$/);
    // The server got the preview and the name: the run records which preview it was confirmed against.
    const resetId = Number(page.url().match(/\/runs\/(\d+)$/)![1]);
    const stored = await d.db.ds.query('SELECT previewRunId FROM sync_run WHERE id = ?', [resetId]);
    expect(stored[0].previewRunId).not.toBeNull();
    await page.locator('.run__status [data-status="LAUNCHED"]').waitFor({ timeout: 30_000 });
    const report = page.locator('[data-test=report]');
    await report.waitFor();
    expect(Number((await report.locator('[data-cell="people.deleted"]').innerText()).replace(/,/g, ''))).toBe(deleted);
    await screenshot(page, 'reset-launched');
    expect(errors).toEqual([]);
  });
});

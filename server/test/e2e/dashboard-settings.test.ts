import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdminRole } from '../../src/auth/roles.js';
import { FieldMapping } from '../../src/sync/field-mapping.entity.js';
import { collectErrors, screenshot, startDashboard, type Dashboard } from './dashboard-harness.js';

describe('dashboard: field mappings in Chromium', () => {
  let d: Dashboard;
  let district: number;

  beforeAll(async () => {
    d = await startDashboard();
    district = await d.demoDistrict('Cedar Falls Schools', 60);
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  it("shows the source's default for each field and saves a district override", async () => {
    const page = await d.signedInPage(await d.admin(AdminRole.DISTRICT_ADMIN, district));
    const errors = collectErrors(page);
    await page.goto(`${d.server.url}/districts/${district}/settings?tab=mappings`);
    const card = page.locator('[data-test=field-mappings]');
    await card.waitFor();
    await card.locator('.n-tabs-tab:has-text("People")').click();
    const email = card.locator('input[aria-label="People email source field"]');
    await email.waitFor();
    // The default comes from the API (the demo source names its fields like Homeroom).
    expect(await email.getAttribute('placeholder')).toBe('email');
    await email.fill('username');
    await card.locator('button:has-text("Save mappings")').click();
    await page.locator('text=Field mappings saved').waitFor();
    await screenshot(page, 'field-mappings');
    const saved = await d.db.ds.getRepository(FieldMapping).findBy({ districtId: district });
    expect(saved.map((m) => [m.entityType, m.targetField, m.sourceField])).toEqual([['people', 'email', 'username']]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { AdminRole } from '../../src/auth/roles.js';
import { startFakeOneRosterServer, type FakeOneRosterServer } from '../../src/fake-oneroster/fake-oneroster.server.js';
import { DistrictService } from '../../src/roster/district.service.js';
import { collectErrors, screenshot, startDashboard, type Dashboard } from './dashboard-harness.js';

const SECRET = 'dashboard-oneroster-secret';

describe('dashboard: district sources in Chromium', () => {
  let d: Dashboard;
  let fake: FakeOneRosterServer;

  beforeAll(async () => {
    d = await startDashboard();
    fake = await startFakeOneRosterServer({ clientId: 'dash-client', clientSecret: SECRET, students: 80, seed: 4 });
  }, 180_000);

  afterAll(async () => {
    await fake?.close();
    await d?.close();
  });

  const field = (page: Page, label: string) => page.locator(`input[aria-label="${label}"], textarea[aria-label="${label}"]`);
  const choose = async (page: Page, label: string, option: string) => {
    await page.locator(`.n-form-item:has(.n-form-item-label:has-text("${label}")) .n-base-selection`).click();
    await page.locator(`.n-base-select-option:has-text("${option}")`).click();
  };

  it('a platform admin creates a OneRoster API district after testing it, and sees the counts first', async () => {
    const page = await d.signedInPage(await d.admin(AdminRole.PLATFORM_ADMIN));
    const errors = collectErrors(page);
    await page.locator('[data-test=new-district-link]').click();
    await page.locator('[data-test=new-district]').waitFor();
    await field(page, 'District name').fill('Maple Grove');
    await choose(page, 'Source kind', 'OneRoster API');
    await field(page, 'API base URL').fill(fake.url);
    await field(page, 'Client id').fill('dash-client');
    await field(page, 'Client secret').fill('not-the-secret');
    await page.locator('[data-test=test-source]').click();
    const result = page.locator('[data-test=source-test-result]');
    await result.waitFor();
    expect(await result.textContent()).toContain(`The OneRoster token URL ${fake.url}/token rejected client id "dash-client" and its secret (401)`);

    await field(page, 'Client secret').fill(SECRET);
    await page.locator('[data-test=test-source]').click();
    await page.locator('[data-test=source-test-counts]').waitFor();
    const counts = await page.locator('[data-test=source-test-counts]').textContent();
    // The fake server carries this school year and next: three terms each.
    expect(counts).toMatch(/^1 schools? · 6 terms · \d+ courses · \d+ people · \d+ sections · [\d,]+ enrollments$/);
    await screenshot(page, 'new-district-tested');
    expect(await d.db.ds.query("SELECT id FROM district WHERE name = 'Maple Grove'")).toEqual([]);

    await page.locator('[data-test=create-district]').click();
    await page.waitForURL(/\/districts\/\d+$/);
    const [row] = await d.db.ds.query("SELECT id, sourceKind FROM district WHERE name = 'Maple Grove'");
    expect(row.sourceKind).toBe('oneroster-api');
    const config = new DistrictService(d.app.ds, d.app.config.secretKey).sourceConfig(
      (await new DistrictService(d.app.ds, d.app.config.secretKey).find(row.id))!,
    );
    expect(config).toMatchObject({ url: fake.url, clientId: 'dash-client', clientSecret: SECRET });
    expect(await page.content()).not.toContain(SECRET);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a district admin sees secrets only as "set", replaces one without retyping the others, and saves', async () => {
    const service = new DistrictService(d.app.ds, d.app.config.secretKey);
    const district = await service.create({
      name: 'Birch Creek',
      sourceKind: 'oneroster-api' as never,
      source: { url: fake.url, clientId: 'dash-client', clientSecret: 'old-secret' },
    });
    const page = await d.signedInPage(await d.admin(AdminRole.DISTRICT_ADMIN, district.id));
    const errors = collectErrors(page);
    await page.goto(`${d.server.url}/districts/${district.id}/settings?tab=source`);
    const card = page.locator('[data-test=source-settings]');
    await card.waitFor();
    await field(page, 'API base URL').waitFor();
    expect(await field(page, 'API base URL').inputValue()).toBe(fake.url);
    expect(await field(page, 'Client secret').inputValue()).toBe('');
    expect(await field(page, 'Client secret').getAttribute('placeholder')).toMatch(/^Set .+ — leave blank to keep it$/);

    await page.locator('[data-test=test-source]').click();
    await page.locator('[data-test=source-test-result]').waitFor();
    expect(await page.locator('[data-test=source-test-result]').textContent()).toContain('rejected client id "dash-client"');

    await field(page, 'Client secret').fill(SECRET);
    await page.locator('[data-test=test-source]').click();
    await page.locator('[data-test=source-test-counts]').waitFor();
    await page.locator('[data-test=save-source]').click();
    await page.locator('text=Source saved.').waitFor();
    await screenshot(page, 'source-settings-saved');
    const config = service.sourceConfig((await service.find(district.id))!);
    expect(config).toMatchObject({ url: fake.url, clientId: 'dash-client', clientSecret: SECRET });
    expect(config.secretsChangedAt?.clientSecret).toBeDefined();
    expect(await page.content()).not.toContain(SECRET);

    // Field mappings (their own Settings tab): an additional field from a column the source has is saved; a missing column is refused.
    await page.locator('[data-test=settings-tabs] .n-tabs-tab:has-text("Field mappings")').click();
    const mappings = page.locator('[data-test=field-mappings]');
    await mappings.locator('.n-tabs-tab:has-text("People")').click();
    await field(page, 'Additional field name').fill('state');
    await field(page, 'Additional field source').fill('userIds.stateID');
    await mappings.locator('[data-test=add-extra] button:has-text("Add")').click();
    await mappings.locator('button:has-text("Save mappings")').click();
    await page.locator('text=Field mappings saved').waitFor();
    const { FieldMapping } = await import('../../src/sync/field-mapping.entity.js');
    const saved = await d.db.ds.getRepository(FieldMapping).findBy({ districtId: district.id });
    expect(saved.map((m) => [m.entityType, m.targetField, m.sourceField])).toEqual([['people', 'extra.state', 'userIds.stateID']]);
    await field(page, 'People email source field').fill('No_such_column');
    await mappings.locator('button:has-text("Save mappings")').click();
    await page.locator('text=mapping people.email → No_such_column: the source has no such column').waitFor();
    await screenshot(page, 'field-mappings-extra');
    expect(await d.db.ds.getRepository(FieldMapping).countBy({ districtId: district.id })).toBe(1);
    expect(errors.filter((e) => !/status of 200|BAD_USER_INPUT/.test(e))).toEqual([]);
    await page.context().close();
  });
});

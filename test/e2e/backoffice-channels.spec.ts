// An admin rotates a channel's API key in the back office: issues a new key (shown once), which
// works at once, then revokes the old one with a reason, which stops working at once. axe finds
// no WCAG 2.2 AA violation on the channel screens, in English and in Dutch.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { demoChannelCredentials } from '../../src-server/seed/demo-channels';
import { centralOms, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SEED = 'packing-oms-demo';
const ADMIN = DEMO_PEOPLE.find((p) => p.roles.includes('admin'))!;
const OLD_KEY = demoChannelCredentials(SEED).find((c) => c.channel === 'webshop')!.apiKey;

let central: ManagedProcess;

test.beforeAll(async () => {
  central = await centralOms();
  await central.start();
});
test.afterAll(async () => {
  await central?.stop();
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${screen} (${await page.locator('html').getAttribute('lang')})`).toEqual(
    [],
  );
}

const ordersWith = async (key: string) =>
  (await fetch(`${central.url}/v1/orders?limit=1`, { headers: { authorization: `Bearer ${key}` } }))
    .status;

test('an admin rotates a channel key and the old key stops working', async ({ page }) => {
  expect(await ordersWith(OLD_KEY)).toBe(200);
  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(ADMIN.email);
  await page.getByLabel('Password').fill(demoPassword(SEED));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Channels' })
    .click();
  await expect(page.getByRole('table', { name: 'Sales channels by code' })).toContainText(
    'webshop',
  );
  await expectAccessible(page, 'channels');
  await page.getByRole('link', { name: 'webshop', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Channel webshop', level: 1 })).toBeVisible();

  await page.getByLabel('Label', { exact: true }).fill('ERP 2027');
  await page.getByRole('button', { name: 'Issue the key' }).click();
  const newKey = (await page.getByTestId('new-api-key').textContent())!;
  expect(newKey).toMatch(/^oms_/);
  expect(await ordersWith(newKey)).toBe(200);
  await expectAccessible(page, 'channel with a new key shown');

  await page.getByLabel('Why revoke “demo key”').fill('Rotated to the ERP 2027 key');
  await page.getByRole('button', { name: 'Revoke “demo key”' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'demo key' })).toContainText('Revoked');
  expect(await ordersWith(OLD_KEY)).toBe(401);
  expect(await ordersWith(newKey)).toBe(200);

  await page.goto(`${central.url}/audit?objectType=channel&objectId=webshop`);
  await expect(page.getByRole('row').filter({ hasText: 'key_revoked' })).toContainText(
    'Rotated to the ERP 2027 key',
  );
  await page.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await page.goto(`${central.url}/channels/webshop`);
  await expect(page.getByRole('heading', { name: 'Kanaal webshop', level: 1 })).toBeVisible();
  await expectAccessible(page, 'channel');
  await page.goto(`${central.url}/channels`);
  await expect(page.getByRole('table', { name: 'Verkoopkanalen op code' })).toBeVisible();
  await expectAccessible(page, 'channels');
});

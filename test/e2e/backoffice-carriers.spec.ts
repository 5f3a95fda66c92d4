// An admin sets a carrier's credentials for a warehouse in the back office: the screen says which
// carriers of the warehouse go as the own carrier by setting, the credentials are saved without
// ever being shown back, and the carrier turns to "from its own API". A warehouse lead sees their
// warehouse's carriers without the settings. axe finds no WCAG 2.2 AA violation, in English and
// in Dutch.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { centralOms, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SEED = 'packing-oms-demo';
const ADMIN = DEMO_PEOPLE.find((p) => p.roles.includes('admin'))!;
const LEAD = DEMO_PEOPLE.find((p) => p.roles.includes('warehouse_lead'))!;
const DHL_KEY = 'dhl-secret-key-e2e-000001';

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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(demoPassword(SEED));
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin sets DHL Parcel credentials, write-only, and DHL Parcel labels from its API', async ({
  page,
}) => {
  await signIn(page, ADMIN.email);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Carriers' })
    .click();
  const table = page.getByRole('table', { name: /^Carriers of .+ and how their labels are made$/ });
  const dhl = table.getByRole('row').filter({ hasText: 'DHL Parcel' });
  await expect(dhl).toContainText('Not configured: its cartons go as the own carrier');
  await expectAccessible(page, 'carriers');

  const form = dhl.getByRole('form', { name: 'Settings for DHL Parcel' });
  await form.getByLabel('New DHL Parcel credentials (JSON)').fill('{"userId": ');
  await form.getByRole('button', { name: 'Save DHL Parcel' }).click();
  await expect(form).toContainText('Write the credentials as one JSON object');
  await form
    .getByLabel('New DHL Parcel credentials (JSON)')
    .fill(JSON.stringify({ userId: 'dhl-user-e2e-01', key: DHL_KEY, accountId: 'ACME' }));
  await form.getByRole('button', { name: 'Save DHL Parcel' }).click();
  await expect(form.getByRole('alert')).toContainText('accountId');
  await form
    .getByLabel('New DHL Parcel credentials (JSON)')
    .fill(JSON.stringify({ userId: 'dhl-user-e2e-01', key: DHL_KEY, accountId: '01234567' }));
  await form.getByRole('checkbox').uncheck();
  await form.getByRole('button', { name: 'Save DHL Parcel' }).click();
  await expect(dhl).toContainText('From the carrier’s own API');
  await expect(form.getByLabel('New DHL Parcel credentials (JSON)')).toHaveValue('');
  expect(await page.content()).not.toContain(DHL_KEY);

  await page.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await expect(page.getByRole('heading', { name: 'Vervoerders', level: 1 })).toBeVisible();
  await expectAccessible(page, 'carriers');
});

test('a warehouse lead sees their warehouse’s carriers, without the settings', async ({ page }) => {
  await signIn(page, LEAD.email);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Carriers' })
    .click();
  await expect(page.getByTestId('carrier-summary')).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(page.getByLabel('Warehouse').getByRole('option')).toHaveCount(
    LEAD.leadWarehouses.length,
  );
});

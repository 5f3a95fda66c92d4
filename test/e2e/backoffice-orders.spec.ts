// Purchasing reads a warehouse's stock. Customer service in the back office, in Chromium against the bundled central OMS: finds an
// order by the customer's e-mail and by a SKU, opens it, holds it with a reason, and finds the
// hold with its reason in the order's timeline and in the audit log. axe finds no WCAG 2.2 AA
// violation on the order screens, in English and in Dutch. A customer e-mail is resent from
// the timeline with a reason.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { centralOms, E2E_ADMIN_TOKEN, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SERVICE = DEMO_PEOPLE.find((p) => p.roles.includes('customer_service'))!;
const PASSWORD = demoPassword('packing-oms-demo');

let central: ManagedProcess;

test.beforeAll(async () => {
  central = await centralOms();
  await central.start();
});
test.afterAll(async () => {
  await central?.stop();
});

/** Places an order through the intake, as a channel would (the admin token names the channel). */
async function placeOrder(
  ref: string,
  email: string,
  name: string,
  sku: string,
  lines: { sku: string; quantity: number }[] = [{ sku, quantity: 1 }],
): Promise<string> {
  const response = await fetch(`${central.url}/v1/orders`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${E2E_ADMIN_TOKEN}`,
      'content-type': 'application/json',
      'idempotency-key': ref,
      'x-channel-code': 'webshop',
    },
    body: JSON.stringify({
      channelOrderRef: ref,
      currency: 'EUR',
      customer: { type: 'person', name, email },
      shipTo: {
        name,
        line1: 'Oudegracht 1',
        postalCode: '3511 AA',
        city: 'Utrecht',
        country: 'NL',
      },
      lines,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { orderId: string }).orderId;
}

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

async function signInAsService(page: Page) {
  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(SERVICE.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

async function filterOrders(page: Page, label: string, value: string) {
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
}

test('customer service finds an order by e-mail and by SKU, holds it with a reason, and sees it audited', async ({
  page,
}) => {
  await placeOrder('WEB-E2E-1', 'other.buyer@example.nl', 'Other Buyer', 'SKU-00001');
  const orderId = await placeOrder(
    'WEB-E2E-2',
    'noor.visser@example.nl',
    'Noor Visser',
    'SKU-00029',
  );

  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(SERVICE.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Orders' }).click();
  const table = page.getByRole('table', { name: 'Orders, newest first' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'orders');

  await filterOrders(page, 'Customer name or e-mail', 'Noor.Visser@example.nl');
  await expect(page).toHaveURL(/customer=Noor.Visser/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('WEB-E2E-2');

  await filterOrders(page, 'SKU', 'SKU-00029');
  await expect(page).toHaveURL(/sku=SKU-00029/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: 'WEB-E2E-2' }).click();

  await expect(page.getByRole('heading', { name: 'Order WEB-E2E-2', level: 1 })).toBeVisible();
  await expect(page.getByText(orderId)).toBeVisible();
  // The webshop sent no tax; the VAT engine judged the order a domestic sale all the same.
  const vat = page.getByRole('region', { name: 'VAT' });
  await expect(vat.getByTestId('order-vat-scheme')).toHaveText(
    'Domestic sale — the channel’s tax differs from the VAT engine’s',
  );
  await expect(vat).toContainText('This order carries no tax.');
  await expectAccessible(page, 'order page');
  await page.getByRole('radio', { name: 'Put on hold' }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Give a reason of at least 3 characters.')).toBeVisible();
  await page.getByLabel('Reason', { exact: true }).fill('Customer asked to check the address');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('On hold');
  await expect(page.getByRole('status')).toContainText('The order is on hold');
  await expect(page.getByRole('list').filter({ hasText: 'Put on hold' })).toContainText(
    'Customer asked to check the address',
  );
  await expect(page.getByRole('radio', { name: 'Release the hold' })).toBeVisible();
  await expectAccessible(page, 'order page on hold');

  await page.getByRole('link', { name: 'Audit log of this order' }).click();
  await expect(page).toHaveURL(new RegExp(`objectId=${orderId}`));
  const entry = page.getByRole('row').filter({ hasText: 'held' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(SERVICE.email);
  await expect(entry).toContainText('Customer asked to check the address');
  await expectAccessible(page, 'audit log of the order');

  await page.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Orders' })
    .click();
  await expect(page.getByRole('table', { name: 'Orders, nieuwste eerst' })).toBeVisible();
  await expectAccessible(page, 'orders');
  await page.goto(`${central.url}/orders/${orderId}`);
  await expect(page.getByTestId('order-status')).toHaveText('Vastgehouden');
  await expectAccessible(page, 'order page');
});

test('purchasing reads the stock of a warehouse per SKU', async ({ page }) => {
  const buyer = DEMO_PEOPLE.find((p) => p.roles.includes('purchasing'))!;
  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(buyer.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Start',
    'Stock',
    'Purchasing',
    'Reports',
    'Warehouses',
  ]);
  await nav.getByRole('link', { name: 'Stock' }).click();
  await page.getByLabel('Warehouse', { exact: true }).selectOption('NL-TIL');
  await page.getByLabel('SKU starts with').fill('SKU-0000');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const table = page.getByRole('table', { name: 'Stock in NL-TIL, by SKU' });
  await expect(page).toHaveURL(/sku=SKU-0000/);
  // Only the SKUs the filter names (the demo stocks some of them at each warehouse).
  await expect(table.getByRole('row').nth(1)).toContainText(/SKU-0000\d/);
  const cells = table.getByRole('row').locator('td:first-child');
  await expect
    .poll(async () => (await cells.allTextContents()).every((sku) => /^SKU-0000\d$/.test(sku)))
    .toBe(true);
  await expectAccessible(page, 'stock');
});

test('customer service cancels units of a line and changes the ship-to address, seeing the refusals first', async ({
  page,
}) => {
  const orderId = await placeOrder(
    'WEB-E2E-3',
    'sem.bakker@example.nl',
    'Sem Bakker',
    'SKU-00001',
    [
      { sku: 'SKU-00001', quantity: 3 },
      { sku: 'SKU-00029', quantity: 1 },
    ],
  );
  await signInAsService(page);
  await page.goto(`${central.url}/orders/${orderId}`);
  await expect(page.getByRole('heading', { name: 'Order WEB-E2E-3', level: 1 })).toBeVisible();

  const cancel = page.getByRole('form', { name: 'Cancel units of lines' });
  const first = cancel.getByLabel(/^Units of SKU-00001 /);
  const second = cancel.getByLabel(/^Units of SKU-00029 /);
  await first.fill('4');
  await cancel.getByRole('button', { name: 'Cancel these units' }).click();
  await expect(cancel.getByText('Give a whole number from 0 to 3.')).toBeVisible();
  await expect(cancel.getByText('Give a reason of at least 3 characters.')).toBeVisible();
  // Every unit of the order: the central OMS refuses, and the form says what to do instead.
  await first.fill('3');
  await second.fill('1');
  await cancel.getByLabel('Reason for the cancellation').fill('Customer ordered too many');
  await cancel.getByRole('button', { name: 'Cancel these units' }).click();
  await expect(cancel.getByRole('alert')).toHaveText(
    'That cancels every unit: cancel the whole order instead.',
  );
  await first.fill('2');
  await second.fill('0');
  await cancel.getByRole('button', { name: 'Cancel these units' }).click();
  await expect(cancel.getByRole('status')).toContainText('The units are cancelled');
  const row = page
    .getByRole('region', { name: 'Lines', exact: true })
    .getByRole('row')
    .filter({ hasText: 'SKU-00001' });
  // Quantity still ordered, then (after backordered) the units cancelled.
  await expect(row.locator('td').nth(2)).toHaveText('1');
  await expect(row.locator('td').nth(4)).toHaveText('2');
  const timeline = page.getByRole('list').filter({ hasText: 'Units of lines cancelled' });
  await expect(timeline).toContainText('Customer ordered too many');
  await expectAccessible(page, 'order page after cancelling units');

  const shipTo = page.getByRole('form', { name: 'Change the ship-to address' });
  await shipTo.getByLabel('Street and number').fill('Keizersgracht 1');
  await shipTo.getByLabel('Postal code').fill('12');
  await shipTo.getByLabel('City').fill('Amsterdam');
  await shipTo.getByLabel('Reason for the new address').fill('Customer moved');
  await shipTo.getByRole('button', { name: 'Change the address' }).click();
  // The form checks the country's postal code pattern before anything is sent.
  await expect(
    shipTo.getByText('12 is not a postal code of Netherlands (for example 1234 AB)'),
  ).toBeVisible();
  await expect(shipTo.getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'true');
  await shipTo.getByLabel('Postal code').fill('1000');
  await shipTo.getByLabel('Country code').fill('BE');
  await shipTo.getByLabel('City').fill('Brussel');
  await shipTo.getByRole('button', { name: 'Change the address' }).click();
  await expect(shipTo.getByRole('alert')).toHaveText(
    'The order ships to another country: that needs a new order.',
  );
  await shipTo.getByLabel('Country code').fill('NL');
  await shipTo.getByLabel('Postal code').fill('1015 CJ');
  await shipTo.getByLabel('City').fill('Amsterdam');
  await shipTo.getByRole('button', { name: 'Change the address' }).click();
  await expect(shipTo.getByRole('status')).toHaveText(
    'The address is changed; the warehouse ships to it.',
  );
  // Shown as the Dutch post writes it: street, then postal code and city in capitals.
  await expect(page.locator('.order-facts')).toContainText('Keizersgracht 11015 CJ AMSTERDAM');
  await expect(page.getByRole('list').filter({ hasText: 'Ship-to address changed' })).toContainText(
    'Customer moved',
  );
  await expectAccessible(page, 'order page after changing the address');
});

test('customer service resends the order confirmation from the timeline, giving a reason', async ({
  page,
}) => {
  const orderId = await placeOrder('WEB-E2E-4', 'lotte.smit@example.nl', 'Lotte Smit', 'SKU-00001');
  await signInAsService(page);
  await page.goto(`${central.url}/orders/${orderId}`);
  const sent = page
    .getByRole('listitem')
    .filter({ hasText: 'E-mail to the customer: order confirmation' });
  // The confirmation is sent by the outbox dispatcher shortly after the order is placed.
  await expect(async () => {
    await page.reload();
    await expect(sent).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await sent.getByRole('button', { name: 'Resend' }).click();
  await sent.getByRole('button', { name: 'Send again' }).click();
  await expect(sent.getByText('Give a reason of at least 3 characters.')).toBeVisible();
  await sent.getByLabel('Reason for sending it again').fill('Customer cannot find the mail');
  await sent.getByRole('button', { name: 'Send again' }).click();
  await expect(sent.getByRole('status')).toContainText('The e-mail is on its way again');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Customer e-mail sent again' }),
  ).toContainText('Customer cannot find the mail');
  await expectAccessible(page, 'order page after resending an e-mail');
});

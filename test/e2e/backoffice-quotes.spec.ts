// A sales rep drafts a quote in the back office from a buyer's CSV request, sees each line priced
// from the company's contract price list (with where the price came from), sends it, and the
// buyer's accept link then turns it into exactly one order through the intake. axe finds no WCAG
// 2.2 AA violation on the quote screens.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { centralOms, E2E_ADMIN_TOKEN, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const REP = DEMO_PEOPLE.find((p) => p.roles.includes('sales_rep'))!;
const PASSWORD = demoPassword('packing-oms-demo');

let central: ManagedProcess;

test.beforeAll(async () => {
  central = await centralOms();
  await central.start();
});
test.afterAll(async () => {
  await central?.stop();
});

async function asAdmin(path: string, body: unknown) {
  const response = await fetch(`${central.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

test('a sales rep drafts a quote from a CSV request and sends it; the buyer’s link places one order', async ({
  page,
}) => {
  const list = await asAdmin('/v1/b2b/price-lists', {
    name: 'Contract Bouwmarkt',
    currency: 'EUR',
    prices: [{ sku: 'SKU-00001', minQuantity: 10, unitPriceMinor: 450 }],
  });
  const address = {
    name: 'Receiving',
    line1: 'Industrieweg 1',
    postalCode: '5041 AB',
    city: 'Tilburg',
    country: 'NL',
  };
  const company = await asAdmin('/v1/b2b/companies', {
    legalName: 'Bouwmarkt Tilburg B.V.',
    currency: 'EUR',
    locale: 'nl',
    billingAddress: address,
    shippingAddress: address,
    priceListId: list.id,
    paymentTerms: { kind: 'net', days: 30 },
  });
  await asAdmin(`/v1/b2b/companies/${company.id}/buyers`, {
    name: 'Jan Inkoop',
    email: 'jan@bouwmarkt.example',
    role: 'buyer',
  });

  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(REP.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Quotes' })
    .click();
  await expect(page.getByRole('heading', { name: 'Quotes', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'New quote' }).click();

  await page.getByLabel('Company').selectOption({ label: 'Bouwmarkt Tilburg B.V.' });
  await page.getByLabel('Requested lines').fill('SKU,quantity\nSKU-00001,12\n');
  await page.getByLabel('Shipping').fill('15.00');
  const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Valid until').fill(validUntil);
  await expectAccessible(page, 'new quote');
  await page.getByRole('button', { name: 'Draft the quote' }).click();

  await expect(page.getByRole('heading', { name: /^Quote Q-/, level: 1 })).toBeVisible();
  const lines = page.getByRole('table', { name: 'Lines of version 1' });
  await expect(lines).toContainText('SKU-00001');
  await expect(lines).toContainText('price_list:Contract Bouwmarkt:from 10');
  // 12 × 4.50 + 15.00 = 69.00 net, + 21 % VAT = 83.49.
  await expect(page.getByTestId('quote-total')).toHaveText('€83.49');
  await expectAccessible(page, 'quote draft');
  await page.getByRole('button', { name: 'Send to the buyer' }).click();
  const acceptPath = (await page.getByTestId('accept-link').textContent())!;
  await expect(page.getByText(/^Sent · version 1/)).toBeVisible();

  const accepts = await Promise.all(
    [1, 2].map(() =>
      fetch(`${central.url}${acceptPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ poNumber: 'PO-2026-001' }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { orderId: string } })),
    ),
  );
  expect(accepts.map((a) => a.status)).toEqual([201, 201]);
  expect(accepts[0]!.body.orderId).toBe(accepts[1]!.body.orderId);
  const order = await fetch(`${central.url}/v1/orders/${accepts[0]!.body.orderId}`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  });
  expect(await order.json()).toMatchObject({ poNumber: 'PO-2026-001', channel: 'b2b' });
});

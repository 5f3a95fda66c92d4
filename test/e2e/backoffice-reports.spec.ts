// Purchasing in the back office, in Chromium against the bundled central OMS: reads the sales
// report with its chart against the previous period and exports it as CSV (and XLSX), then turns
// a replenishment suggestion (a forecast from two weeks of orders) into a purchase order,
// approves and sends it, and opens the product's forecast chart. axe finds no WCAG 2.2 AA
// violation on the reports and purchasing screens.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { centralOms, E2E_ADMIN_TOKEN, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BUYER = DEMO_PEOPLE.find((p) => p.roles.includes('purchasing'))!;
const PASSWORD = demoPassword('packing-oms-demo');
const SKU = 'SKU-00003';
const DAY_MS = 86_400_000;

let central: ManagedProcess;

async function admin(method: string, path: string, body?: unknown, extra = {}) {
  const response = await fetch(`${central.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${E2E_ADMIN_TOKEN}`,
      'content-type': 'application/json',
      ...extra,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path}: ${text}`).toBe(true);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** An order of 3 × SKU placed `daysAgo` days ago on the webshop, as a channel would. */
const placeOrder = (daysAgo: number) =>
  admin(
    'POST',
    '/v1/orders',
    {
      channelOrderRef: `WEB-REPORTS-${daysAgo}`,
      currency: 'EUR',
      placedAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      customer: { type: 'person', name: 'Rita Report', email: 'rita@example.nl' },
      shipTo: {
        name: 'Rita Report',
        line1: 'Oudegracht 1',
        postalCode: '3511 AA',
        city: 'Utrecht',
        country: 'NL',
      },
      lines: [{ sku: SKU, quantity: 3 }],
    },
    { 'idempotency-key': `WEB-REPORTS-${daysAgo}`, 'x-channel-code': 'webshop' },
  );

test.beforeAll(async () => {
  central = await centralOms();
  await central.start();
  for (let daysAgo = 1; daysAgo <= 14; daysAgo++) await placeOrder(daysAgo);
  // A forecast from those orders, then a supplier whose long lead time needs more than is left.
  const run = await admin('POST', '/v1/forecast-runs', {});
  await expect
    .poll(async () => (await admin('GET', `/v1/forecast-runs/${String(run.id)}`)).status, {
      timeout: 60_000,
    })
    .toBe('finished');
  const { forecasts } = (await admin('GET', '/v1/forecasts')) as {
    forecasts: { sku: string; warehouseCode: string }[];
  };
  const mine = forecasts.filter((f) => f.sku === SKU);
  expect(mine.length).toBeGreaterThan(0);
  await admin('PUT', '/v1/suppliers/ACME', { name: 'Acme Supplies', email: null });
  for (const f of mine)
    await admin('PUT', `/v1/suppliers/ACME/products/${f.warehouseCode}/${SKU}`, {
      leadTimeDays: 120,
      unitCostMinor: 450,
      currency: 'EUR',
    });
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
  expect(found, `axe on ${screen}`).toEqual([]);
}

test('purchasing reads sales against the previous period, exports them, and orders from a suggestion', async ({
  page,
}) => {
  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'English' });
  await page.getByLabel('E-mail address').fill(BUYER.email);
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

  await nav.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  const chart = page.getByRole('figure', { name: 'Orders: this period and the previous one' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const table = page.getByRole('table', { name: 'Sales per group' });
  // 14 orders in the last 30 days, none in the 30 before.
  await expect(table.getByRole('row', { name: /webshop · EUR/ })).toContainText('14');
  await expectAccessible(page, 'reports');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...lines] = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  expect(header).toMatch(/^from,to,channel,currency,orders,previous_orders,units,previous_units,/);
  expect(lines.find((l) => l.includes(',webshop,EUR,'))).toMatch(/,webshop,EUR,14,0,42,0,/);
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export as Excel (XLSX)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^sales-.*\.xlsx$/);

  await nav.getByRole('link', { name: 'Purchasing' }).click();
  const suggestions = page.getByRole('table', {
    name: 'What to order per SKU and warehouse, and why',
  });
  const suggestion = suggestions.getByRole('row', { name: new RegExp(SKU) }).first();
  await expect(suggestion).toContainText('lead time 120 days');
  await expectAccessible(page, 'purchasing');
  await page
    .getByRole('button', { name: /^Create (a purchase order|purchase orders) for/ })
    .click();
  await expect(page.getByRole('status')).toContainText(/Drafted \d+ purchase orders?: PO-\d{6}/);
  const orders = page.getByRole('table', { name: 'Purchase orders, newest first' });
  await expect(orders.getByRole('row').nth(1)).toContainText('Acme Supplies');
  await expect(orders.getByRole('row').nth(1)).toContainText('Draft');
  await orders.getByRole('row').nth(1).getByRole('link').click();

  await expect(page.getByRole('heading', { name: /^Purchase order PO-\d{6}$/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Lines of PO-/ })).toContainText(SKU);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator('dl')).toContainText('Approved');
  await page.getByRole('button', { name: 'Send to the supplier' }).click();
  await expect(page.locator('dl')).toContainText('Sent');
  await expectAccessible(page, 'purchase order');

  await page
    .getByRole('table', { name: /^Lines of PO-/ })
    .getByRole('link', { name: SKU })
    .click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`^Forecast of ${SKU} in `) }),
  ).toBeVisible();
  // Two weeks of history: too short for a backtest, and the screen says so.
  await expect(page.getByText('Not backtested yet: its accuracy is unknown.')).toBeVisible();
  const forecastChart = page.getByRole('figure', { name: new RegExp(`^${SKU}: what sold`) });
  await expect(forecastChart.locator('path.recharts-curve').first()).toHaveAttribute('d', /^M/);
  await expectAccessible(page, 'forecast');
});

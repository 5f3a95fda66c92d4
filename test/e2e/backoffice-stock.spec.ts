// Purchasing adjusts stock in the back office, in Dutch, in Chromium against the bundled central
// OMS: a damaged unit taken out of its bin with a reason, the level going down by one, and the
// movement in the warehouse's ledger with who made it. axe finds no WCAG 2.2 AA violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PEOPLE, demoPassword } from '../../src-server/people/demo-people';
import { centralOms, E2E_ADMIN_TOKEN, type ManagedProcess } from './support/processes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BUYER = DEMO_PEOPLE.find((p) => p.roles.includes('purchasing'))!;
const PASSWORD = demoPassword('packing-oms-demo');

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
  expect(found, `axe on ${screen}`).toEqual([]);
}

interface Level {
  sku: string;
  onHand: number;
  available: number;
  bins: { bin: string; onHand: number }[];
}

/** A SKU of the demo with at least two units in one bin at Tilburg, read as the admin token. */
async function stockedSku(): Promise<{ level: Level; bin: string }> {
  const response = await fetch(`${central.url}/v1/warehouses/NL-TIL/stock?limit=100`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  });
  expect(response.ok).toBe(true);
  const { levels } = (await response.json()) as { levels: Level[] };
  for (const level of levels) {
    const bin = level.bins.find((b) => b.onHand >= 2);
    if (bin && level.available >= 2) return { level, bin: bin.bin };
  }
  throw new Error('the demo stocks no SKU at NL-TIL');
}

test('purchasing takes a damaged unit out of stock with a reason and finds it in the movements', async ({
  page,
}) => {
  const { level, bin } = await stockedSku();
  await page.goto(`${central.url}/sign-in`);
  await page.getByLabel(/^(Language|Taal)$/).selectOption({ label: 'Nederlands' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByLabel('E-mailadres').fill(BUYER.email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('link', { name: 'Voorraad' }).click();
  await page.getByLabel('Magazijn', { exact: true }).selectOption('NL-TIL');
  await page.getByLabel('SKU begint met').fill(level.sku);
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  const table = page.getByRole('table', { name: 'Voorraad in NL-TIL, per SKU' });
  const row = table.getByRole('row').filter({ hasText: level.sku }).first();
  await expect(row).toContainText(String(level.onHand));

  const form = page.getByRole('form', { name: 'Voorraad aanpassen in NL-TIL' });
  await form.getByLabel('SKU', { exact: true }).fill(level.sku);
  await form.getByLabel('Locatie').fill(bin);
  await form.getByLabel('Reden').selectOption({ label: 'Beschadigd' });
  await expect(form).toContainText('Deze reden haalt alleen voorraad weg.');
  await form.getByLabel('Hoe').selectOption({ label: 'Stuks erbij of eraf' });
  await form.getByLabel('Stuks').fill('-1');
  await form.getByLabel('Notitie (optioneel)').fill('Doos gescheurd bij ontvangst');
  await form.getByRole('button', { name: 'Aanpassen' }).click();
  await expect(form.getByRole('status')).toContainText(`${level.sku} in ${bin}: -1`);
  await expect(row.locator('td').nth(2)).toHaveText(String(level.onHand - 1));
  await expectAccessible(page, 'stock with the adjust form');

  // Taking more than the bin holds is refused, and says why.
  await form.getByLabel('Stuks').fill('-100000');
  await form.getByRole('button', { name: 'Aanpassen' }).click();
  await expect(form.getByRole('alert')).not.toBeEmpty();
  await expect(row.locator('td').nth(2)).toHaveText(String(level.onHand - 1));

  await page.getByRole('link', { name: 'Mutaties van NL-TIL' }).click();
  const movements = page.getByRole('table', {
    name: 'Voorraadmutaties van NL-TIL, nieuwste eerst',
  });
  const newest = movements.getByRole('row').nth(1);
  await expect(newest).toContainText(level.sku);
  await expect(newest).toContainText('Beschadigd');
  await expect(newest).toContainText('-1');
  await expect(newest).toContainText('Doos gescheurd bij ontvangst');
  await expect(newest).toContainText(BUYER.email);
  await expectAccessible(page, 'movements');
});

// The returns desk through the web host against a real central OMS: a parcel of a two-item return
// is found and taken in while the central OMS is STOPPED (a bin where an item belongs, an item where
// a bin belongs, a reload in the middle), then the central OMS comes back and the receipt syncs:
// the restocked unit is back on hand in its bin, the quarantined one is not, the RMA is refunded,
// and exactly one refund was issued.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOperator,
  createStation,
  products,
  seedPickPackCatalogue,
} from './support/pick-pack-fixture';
import { centralOms, stationWebHost, type ManagedProcess } from './support/processes';
import {
  enrolApiStation,
  getRma,
  readStock,
  refundRows,
  shippedOrderWithReturn,
  type AuthorisedReturn,
} from './support/returns-fixture';
import { scan, scanExpecting } from './support/scanner';
import { checkScreen } from './support/screen-checks';
import { signIn } from './support/station-page';

let central: ManagedProcess;
let station: ManagedProcess;
let dataDir: string;
let parcel: AuthorisedReturn;

test.describe.configure({ mode: 'serial', timeout: 150_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  dataDir = mkdtempSync(join(tmpdir(), 'oms-returns-'));
  await seedPickPackCatalogue(dataDir);
  central = await centralOms({ dataDir });
  await central.start();
  await createOperator(central.url, {
    badge: 'OP-0011',
    name: 'Ruud Visser',
    pin: '2468',
    locale: 'en',
  });
  const shipping = await enrolApiStation(central.url, 'E2E shipping');
  parcel = await shippedOrderWithReturn(central.url, shipping, [
    products.tea.sku,
    products.mug.sku,
  ]);
  station = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'E2E returns desk'),
  });
  await station.start();
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
});

async function waitForKey(page: Page, key: string | RegExp) {
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-key', key);
}

test('a two-item return taken in offline syncs once: stock, RMA state and one refund', async ({
  page,
}) => {
  await page.goto(station.url);
  await signIn(page, 'OP-0011', '2468');
  await page.getByTestId('returns-toggle').click();
  await expect(page.getByTestId('find-return')).toBeVisible();
  await checkScreen(page, 'returns, find', page.getByTestId('find-return').locator('.instruction'));

  // The RMA reaches the station by sync; once it is there, back out and take the central OMS away.
  await expect(async () => scanExpecting(page, `RMA:${parcel.rmaCode}`, 'returns.found')).toPass({
    timeout: 30_000,
  });
  await scan(page, 'CMD:CANCEL');
  await expect(page.getByTestId('find-return')).toBeVisible();
  await central.stop();
  const before = await readStock(dataDir, [products.tea.sku, products.mug.sku]);

  // Offline: a bin is no way to find a return; the order number is.
  await scanExpecting(page, 'B:A-01', 'returns.binWhereReturnExpected');
  await scanExpecting(page, parcel.orderNumber, 'returns.found');
  await expect(page.getByTestId('return-rma')).toHaveAttribute('data-code', parcel.rmaCode);
  await expect(page.getByTestId(`rma-line-${products.tea.sku}`)).toHaveText('0 / 1');

  // The tea: a bin where an item belongs is refused; grade A, restock (suggested), an item where the bin belongs is refused.
  await scanExpecting(page, 'B:A-01', 'returns.binWhereItemExpected');
  await scanExpecting(page, products.tea.gtin, 'returns.itemScanned');
  await expect(page.getByTestId('grade-prompt')).toBeVisible();
  await checkScreen(page, 'returns, grade', page.getByTestId('grade-prompt'));
  await page.keyboard.press('1');
  await expect(page.getByTestId('disposition-prompt')).toBeVisible();
  await expect(
    page.getByTestId('disposition-prompt').locator('[data-suggested="true"]'),
  ).toContainText('Restock');
  await page.keyboard.press('Enter');
  await waitForKey(page, 'returns.scanBinFor');
  await scanExpecting(page, products.mug.gtin, 'returns.itemWhereBinExpected');
  await scanExpecting(page, 'B:A-01', 'returns.restocked');
  await expect(page.getByTestId(`rma-line-${products.tea.sku}`)).toHaveText('1 / 1');

  // A reload resumes the parcel with what was graded.
  await page.reload();
  await expect(page.getByTestId('returns-intake')).toHaveAttribute('data-step', 'item');
  await expect(page.getByTestId('receipt-items').locator('li')).toHaveCount(1);

  // The mug: damaged (C), quarantine (suggested); no label printer here is said, not blocking.
  await scanExpecting(page, products.mug.gtin, 'returns.itemScanned');
  await page.keyboard.press('3');
  await expect(page.getByTestId('disposition-prompt')).toBeVisible();
  await page.getByTestId('item-note').fill('Chipped handle');
  await page.getByTestId('disposition-prompt').focus();
  await page.keyboard.press('Enter');
  await waitForKey(page, /^returns\.quarantined(NoPrinter)?$/);
  await expect(page.getByTestId(`rma-line-${products.mug.sku}`)).toHaveText('1 / 1');
  await scanExpecting(page, 'CMD:DONE', 'returns.submitted');
  await expect(page.getByTestId('receipt-state')).toHaveAttribute('data-state', 'waiting');
  await checkScreen(page, 'returns, parcel finished', page.getByTestId('receipt-state'));

  await page.reload();
  await expect(page.getByTestId('receipt-state')).toHaveAttribute('data-state', 'waiting');
  await test.info().attach('returns-offline', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // The central OMS comes back: the receipt is sent and its verdict shows at the desk.
  await central.start();
  await expect(page.getByTestId('receipt-state')).toHaveAttribute('data-state', 'accepted', {
    timeout: 60_000,
  });
  const rma = await getRma(central.url, parcel.rmaId);
  expect(rma.status).toBe('refunded');
  expect(rma.lines.map((l) => [l.sku, l.receivedQuantity])).toEqual([
    [products.tea.sku, 1],
    [products.mug.sku, 1],
  ]);
  expect(rma.receipts.map((r) => r.status)).toEqual(['accepted']);
  // Tea 9.95 at grade A (no fee) + mug 9.95 less the 50 % grade C fee (4.98); no shipping for "changed mind".
  expect(rma.refunds).toEqual([expect.objectContaining({ status: 'issued', amountMinor: 1492 })]);
  await expect(page.getByTestId('receipt-state')).toContainText('14.92');
  expect(await refundRows(central.url, parcel.rmaCode)).toHaveLength(1);
  await test.info().attach('returns-accepted', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // Stock: the restocked tea is back on hand in A-01; the quarantined mug is on hand nowhere.
  await central.stop();
  const after = await readStock(dataDir, [products.tea.sku, products.mug.sku]);
  expect(after[`${products.tea.sku}@A-01`]).toBe((before[`${products.tea.sku}@A-01`] ?? 0) + 1);
  expect(after).toMatchObject({
    ...before,
    [`${products.tea.sku}@A-01`]: after[`${products.tea.sku}@A-01`],
  });
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
});

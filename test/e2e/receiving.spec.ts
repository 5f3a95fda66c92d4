// Receiving a supplier delivery at the dock through the web host against a real central OMS: the
// PO is scanned, the tea counted by two scans into its bin; then the central OMS STOPS, the mug is
// received with a typed quantity (one more than ordered: an over-receipt warning) and saved on the
// station, the screen survives a reload from its kept copy of the PO; the central OMS comes back
// and the waiting scan arrives exactly once: stock and received quantities add up.
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
import { readPurchaseOrder, seedSentPurchaseOrder } from './support/receiving-fixture';
import { readStock } from './support/returns-fixture';
import { scanExpecting } from './support/scanner';
import { signIn } from './support/station-page';

const PO = 'PO-E2E-1';
let central: ManagedProcess;
let station: ManagedProcess;
let dataDir: string;

test.describe.configure({ mode: 'serial', timeout: 150_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  dataDir = mkdtempSync(join(tmpdir(), 'oms-receiving-'));
  await seedPickPackCatalogue(dataDir);
  await seedSentPurchaseOrder(dataDir, PO, [
    { sku: products.tea.sku, quantity: 3 },
    { sku: products.mug.sku, quantity: 2 },
  ]);
  central = await centralOms({ dataDir });
  await central.start();
  await createOperator(central.url, {
    badge: 'OP-0021',
    name: 'Sanne Bos',
    pin: '1357',
    locale: 'en',
  });
  station = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'E2E dock'),
  });
  await station.start();
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
});

const line = (page: Page, sku: string) => page.getByTestId(`receiving-line-${sku}`);

test('a PO received by scan, one scan while the central OMS is down arriving once after it returns', async ({
  page,
}) => {
  await page.goto(station.url);
  await signIn(page, 'OP-0021', '1357');
  await page.getByTestId('receiving-toggle').click();
  await expect(page.getByTestId('receiving-find')).toBeVisible();

  await scanExpecting(page, PO, 'receiving.opened');
  await expect(page.getByTestId('receiving-order')).toHaveAttribute('data-po', PO);
  await expect(line(page, products.tea.sku)).toHaveAttribute('data-remaining', '3');
  await expect(line(page, products.tea.sku)).toContainText(products.tea.name);

  // Online: two scans of the tea count two; the bin scan receives them. (Products reach the station by sync.)
  await expect(async () => scanExpecting(page, products.tea.gtin, 'receiving.itemScanned')).toPass({
    timeout: 30_000,
  });
  await scanExpecting(page, products.tea.gtin, 'receiving.itemScanned');
  await expect(page.getByTestId('receiving-quantity')).toHaveValue('2');
  await scanExpecting(page, 'B:Z-99', 'receiving.unknownBin');
  await scanExpecting(page, `B:${products.tea.bin}`, 'receiving.received');
  await expect(line(page, products.tea.sku)).toHaveAttribute('data-received', '2');
  await expect(page.getByTestId('receiving-queue')).toHaveAttribute('data-queued', '0');

  // Offline: the mug, 3 typed where 2 were ordered, is saved on the station with an over-receipt warning.
  await central.stop();
  await scanExpecting(page, products.mug.gtin, 'receiving.itemScanned');
  await page.getByTestId('receiving-quantity').fill('3');
  await scanExpecting(page, `B:${products.mug.bin}`, 'receiving.savedOver');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-tone', 'warning');
  await expect(page.getByTestId('receiving-queue')).toHaveAttribute('data-queued', '1');
  await expect(line(page, products.mug.sku)).toHaveAttribute('data-state', 'over');
  await test.info().attach('receiving-offline', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // A reload while offline: the PO comes back from the station's copy, the waiting scan still counted.
  await page.reload();
  await expect(page.getByTestId('receiving-order')).toHaveAttribute('data-cached', 'true');
  await expect(line(page, products.tea.sku)).toHaveAttribute('data-received', '2');
  await expect(line(page, products.mug.sku)).toHaveAttribute('data-received', '3');
  const before = await readStock(dataDir, [products.tea.sku, products.mug.sku]);

  // The central OMS returns: the waiting scan is sent, once.
  await central.start();
  await expect(page.getByTestId('receiving-queue')).toHaveAttribute('data-queued', '0', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('receiving-queue')).toContainText('All scans sent');
  const po = await readPurchaseOrder(central.url, PO);
  expect(po.status).toBe('receiving');
  expect(Object.fromEntries(po.lines.map((l) => [l.sku, l.receivedQuantity]))).toEqual({
    [products.tea.sku]: 2,
    [products.mug.sku]: 3,
  });

  // The last tea completes the PO.
  await scanExpecting(page, products.tea.gtin, 'receiving.itemScanned');
  await scanExpecting(page, `B:${products.tea.bin}`, 'receiving.received');
  await expect(page.getByTestId('receiving-order')).toHaveAttribute('data-cached', 'false');
  await expect(line(page, products.tea.sku)).toHaveAttribute('data-remaining', '0');
  expect((await readPurchaseOrder(central.url, PO)).status).toBe('received');

  await central.stop();
  const after = await readStock(dataDir, [products.tea.sku, products.mug.sku]);
  expect(after[`${products.tea.sku}@${products.tea.bin}`]).toBe(
    before[`${products.tea.sku}@${products.tea.bin}`]! + 1,
  );
  expect(after[`${products.mug.sku}@${products.mug.bin}`]).toBe(
    before[`${products.mug.sku}@${products.mug.bin}`]! + 3,
  );
});

// A cancelled order that was being packed becomes a put-back task at the station: what was picked,
// from which carton or the bench, back to which bin; its carton's label and SSCC are voided, and
// the central OMS never accepts that SSCC again. A refusal the central OMS sends reaches a Dutch
// packer in Dutch (a reason code travels, not an English sentence).
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, pgliteDirFor } from '../../src-server/db/connect';
import {
  ADMIN,
  createOperator,
  createStation,
  orderStatus,
  placeOrder,
  products,
  seedPickPackCatalogue,
} from './support/pick-pack-fixture';
import { networkLink } from './support/network-cut';
import { centralOms, stationWebHost, type ManagedProcess } from './support/processes';
import { scan, scanExpecting } from './support/scanner';
import { shot, signIn } from './support/station-page';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dataDir: string;
let central: ManagedProcess;

const ENGLISH = { badge: 'OP-0301', name: 'Sam Carter', pin: '1357', locale: 'en' as const };
const DUTCH = { badge: 'OP-0302', name: 'Sanne de Vries', pin: '4821', locale: 'nl' as const };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'oms-put-back-'));
  await seedPickPackCatalogue(dataDir);
  central = await centralOms({ dataDir });
  await central.start();
  for (const operator of [ENGLISH, DUTCH]) await createOperator(central.url, operator);
});

test.afterAll(async () => {
  await central?.stop();
});

async function cancelOrder(orderId: string) {
  const response = await fetch(`${central.url}/v1/orders/${orderId}/cancel`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason: 'customer called' }),
  });
  expect(response.status).toBe(200);
}

/** Scans like a packer whose hands left the keyboard: focus on the page, not in a field. */
async function scanOnPage(page: Page, code: string) {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, code);
}

/** What the central OMS recorded for a fulfillment, read with the central OMS stopped. */
async function centralRecords(fulfillmentId: string) {
  await central.stop();
  const database = await openDatabase({ pgliteDir: pgliteDirFor(dataDir) });
  try {
    const voided = await database.db
      .selectFrom('voided_ssccs')
      .select('sscc')
      .where('fulfillment_id', '=', fulfillmentId)
      .execute();
    const accepted = await database.db
      .selectFrom('shipments')
      .select('id')
      .where('fulfillment_id', '=', fulfillmentId)
      .where('status', '=', 'accepted')
      .execute();
    return { voidedSsccs: voided.map((v) => v.sscc), accepted: accepted.length };
  } finally {
    await database.close();
    await central.start();
  }
}

test('an order cancelled centrally while it is packed becomes a put-back task the packer completes; its SSCC is voided', async ({
  page,
}) => {
  const station = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'Put-back packing'),
  });
  await station.start();
  const order = await placeOrder(central.url, `PUT-BACK-${Date.now()}`, [
    { sku: products.tea.sku, quantity: 1 },
    { sku: products.mug.sku, quantity: 1 },
  ]);
  try {
    await page.goto(station.url);
    await signIn(page, ENGLISH.badge, ENGLISH.pin, { timeout: 30_000 });
    await expect(page.locator(`tr[data-id="${order.fulfillmentId}"]`)).toBeVisible({
      timeout: 30_000,
    });

    // Picked both, and the tea is in an open carton when the customer cancels.
    await scan(page, `F:${order.fulfillmentId.toUpperCase()}`);
    await expect(page.getByTestId('picking-screen')).toBeVisible();
    await scanExpecting(page, `B:${products.tea.bin}`, 'pick.binConfirmed');
    await scanExpecting(page, products.tea.gtin, 'pick.picked');
    await scanExpecting(page, `B:${products.mug.bin}`, 'pick.binConfirmed');
    await scanExpecting(page, products.mug.gtin, 'pick.complete');
    await expect(page.getByTestId('packing-screen')).toBeVisible();
    await scanExpecting(page, 'BOX:S', 'pack.cartonOpened');
    await scanExpecting(page, products.tea.gtin, 'pack.packed');
    await cancelOrder(order.orderId);

    // The station stops the packer and says what goes back where.
    const task = page.getByTestId('put-back');
    await expect(task).toBeVisible({ timeout: 30_000 });
    await expect(task).toHaveAttribute('data-cause', 'cancelled');
    await expect(page.getByTestId('put-back-why')).toContainText('was cancelled');
    const tea = page.locator(`tr[data-sku="${products.tea.sku}"]`);
    const mug = page.locator(`tr[data-sku="${products.mug.sku}"]`);
    await expect(page.getByTestId(`put-back-quantity-${products.tea.sku}`)).toHaveText('1');
    await expect(page.getByTestId(`put-back-from-${products.tea.sku}`)).toHaveText('carton 1');
    await expect(tea).toContainText(products.tea.bin);
    await expect(page.getByTestId(`put-back-quantity-${products.mug.sku}`)).toHaveText('1');
    await expect(page.getByTestId(`put-back-from-${products.mug.sku}`)).toHaveText('on the bench');
    await expect(mug).toContainText(products.mug.bin);
    await expect(page.getByTestId('put-back-cartons').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('put-back-cartons')).toContainText('carton number voided');
    await shot(page, 'put-back-cancelled-en');

    // Back at the queue before putting back: the task waits there.
    await page.getByRole('button', { name: 'Back to queue', exact: true }).click();
    await expect(page.getByTestId('queue-screen')).toBeVisible();
    await expect(page.getByTestId('put-back-task')).toContainText('Put back: order');
    await page.getByRole('button', { name: 'Put back', exact: true }).click();
    await expect(task).toBeVisible();

    // The packer puts everything back and says so with a scan.
    await scanOnPage(page, 'CMD:DONE');
    await expect(page.getByTestId('queue-screen')).toBeVisible();
    await expect(page.getByTestId('put-back-task')).toHaveCount(0);
    await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);
    expect(await orderStatus(central.url, order.orderId)).toBe('cancelled');
  } finally {
    await station.stop();
  }
  // The carton's SSCC is voided centrally, and nothing of the order shipped.
  expect(await centralRecords(order.fulfillmentId)).toEqual({
    voidedSsccs: [expect.stringMatching(/^\d{18}$/)],
    accepted: 0,
  });
});

test('a shipment confirmed while cut off for an order cancelled meanwhile: the central refusal reaches a Dutch packer in Dutch', async ({
  page,
}) => {
  const link = await networkLink(central.url);
  const station = await stationWebHost(link.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'Afgesneden inpakken'),
  });
  await station.start();
  const order = await placeOrder(central.url, `PUT-BACK-NL-${Date.now()}`, [
    { sku: products.tea.sku, quantity: 1 },
  ]);
  try {
    await page.goto(station.url);
    await signIn(page, DUTCH.badge, DUTCH.pin, { timeout: 30_000 });
    await expect(page.locator(`tr[data-id="${order.fulfillmentId}"]`)).toBeVisible({
      timeout: 30_000,
    });
    await link.cut();
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline', {
      timeout: 30_000,
    });
    await cancelOrder(order.orderId);

    // Offline the packer cannot know: the order is picked, packed and confirmed.
    await scan(page, `F:${order.fulfillmentId.toUpperCase()}`);
    await expect(page.getByTestId('picking-screen')).toBeVisible();
    await scanExpecting(page, `B:${products.tea.bin}`, 'pick.binConfirmed');
    await scanExpecting(page, products.tea.gtin, 'pick.complete');
    await expect(page.getByTestId('packing-screen')).toBeVisible();
    await scanExpecting(page, 'BOX:S', 'pack.cartonOpened');
    await scanExpecting(page, products.tea.gtin, 'pack.packed');
    await page.getByTestId('weight-1').fill(String(products.tea.weightGrams + 120));
    await page.getByTestId('weight-1').press('Enter');
    await expect(page.getByTestId('weight-check-1')).toHaveAttribute('data-ok', 'true');
    await scanOnPage(page, 'CMD:DONE');
    await expect(page.getByTestId('shipment-confirmed')).toHaveAttribute(
      'data-status',
      'confirmed',
    );

    // Back online: the cancel arrives, the central OMS refuses the shipment, the packer reads why.
    await link.restore();
    const task = page.getByTestId('put-back');
    await expect(task).toBeVisible({ timeout: 30_000 });
    await expect(task).toContainText('STOP: geannuleerd, niet verzenden');
    const refusal = page.getByTestId('put-back-refusal');
    await expect(refusal).toHaveText(
      'Zending geweigerd: De order is centraal geannuleerd. Maak het label ongeldig en leg de artikelen terug',
      { timeout: 30_000 },
    );
    await expect(refusal).not.toContainText('cancelled');
    await expect(page.getByTestId(`put-back-from-${products.tea.sku}`)).toHaveText('colli 1');
    await expect(page.getByTestId('put-back-cartons')).toContainText('label en collinummer');
    await shot(page, 'put-back-refused-nl');

    await scanOnPage(page, 'CMD:DONE');
    await expect(page.getByTestId('queue-screen')).toBeVisible();
    await expect(page.getByTestId('put-back-task')).toHaveCount(0);
    await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);
  } finally {
    await station.stop();
    await link.close();
  }
  expect(await centralRecords(order.fulfillmentId)).toEqual({
    voidedSsccs: [expect.stringMatching(/^\d{18}$/)],
    accepted: 0,
  });
});

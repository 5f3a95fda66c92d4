// Offline-first, end to end: a station keeps packing while the central OMS is down, survives a
// restart, and when the central OMS is back exactly the shipments it confirmed arrive — once.
// Two stations racing on one fulfillment end as a problem the packer is shown and can resolve (a
// fulfillment cancelled centrally while a station was cut off: put-back.spec.ts).
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, pgliteDirFor } from '../../src-server/db/connect';
import {
  createOperator,
  createStation,
  orderStatus,
  placeOrder,
  products,
  seedPickPackCatalogue,
  WAREHOUSE,
} from './support/pick-pack-fixture';
import { centralOms, stationWebHost, type ManagedProcess } from './support/processes';
import { scan, scanExpecting } from './support/scanner';
import { signIn as signInPacker } from './support/station-page';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dataDir: string;
let central: ManagedProcess;

/** One tea to Utrecht: a one-line order the Tilburg station packs in one scan. */
const placeTeaOrder = (ref: string) =>
  placeOrder(central.url, ref, [{ sku: products.tea.sku, quantity: 1 }]);

async function signIn(page: Page, badge: string, pin: string) {
  // Two stations in one browser: the keyboard goes to the page in front, as on a real desk.
  await page.bringToFront();
  await signInPacker(page, badge, pin, { timeout: 30_000 });
}

/** Picks and packs a one-tea order into one S carton, weighs it and confirms it. */
async function packTea(page: Page, fulfillmentId: string) {
  await packTeaUnconfirmed(page, fulfillmentId);
  await confirmPacked(page);
}

async function confirmPacked(page: Page) {
  await page.bringToFront();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, 'CMD:DONE');
}

async function packTeaUnconfirmed(page: Page, fulfillmentId: string) {
  await page.bringToFront();
  await expect(page.locator(`tr[data-id="${fulfillmentId}"]`)).toBeVisible({ timeout: 30_000 });
  await scan(page, `F:${fulfillmentId.toUpperCase()}`);
  await expect(page.getByTestId('picking-screen')).toBeVisible();
  await scanExpecting(page, `B:${products.tea.bin}`, 'pick.binConfirmed');
  await scanExpecting(page, products.tea.gtin, 'pick.complete');
  await expect(page.getByTestId('packing-screen')).toBeVisible();
  await scanExpecting(page, 'BOX:S', 'pack.cartonOpened');
  await scanExpecting(page, products.tea.gtin, 'pack.packed');
  await page.getByTestId('weight-1').fill(String(products.tea.weightGrams + 120));
  await page.getByTestId('weight-1').press('Enter');
  await expect(page.getByTestId('weight-check-1')).toHaveAttribute('data-ok', 'true');
}

async function backToQueue(page: Page) {
  await scan(page, 'CMD:DONE');
  await expect(page.getByTestId('queue-screen')).toBeVisible();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'oms-offline-'));
  await seedPickPackCatalogue(dataDir);
  central = await centralOms({ dataDir });
  await central.start();
  await createOperator(central.url, {
    badge: 'OP-0101',
    name: 'Noor Bakker',
    pin: '2468',
    locale: 'en',
  });
  await createOperator(central.url, {
    badge: 'OP-0102',
    name: 'Finn Visser',
    pin: '1357',
    locale: 'en',
  });
});

test.afterAll(async () => {
  await central?.stop();
});

test('shipments confirmed while the central OMS is down survive a restart and arrive exactly once', async ({
  page,
}) => {
  const station = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'Offline packing'),
  });
  await station.start();
  try {
    const orders = [
      await placeTeaOrder(`OFF-1-${Date.now()}`),
      await placeTeaOrder(`OFF-2-${Date.now()}`),
    ];
    await page.goto(station.url);
    await signIn(page, 'OP-0101', '2468');
    for (const o of orders)
      await expect(page.locator(`tr[data-id="${o.fulfillmentId}"]`)).toBeVisible({
        timeout: 30_000,
      });

    await central.stop();
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
    for (const o of orders) {
      await packTea(page, o.fulfillmentId);
      await expect(page.getByTestId('shipment-confirmed')).toHaveAttribute(
        'data-status',
        'confirmed',
      );
      await backToQueue(page);
    }
    const pending = page.getByTestId('sync-pending');
    await expect
      .poll(async () => Number(await pending.getAttribute('data-count')))
      .toBeGreaterThanOrEqual(2);

    // A restart: the page reloads with the central OMS still down; the work is still waiting.
    await page.reload();
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
    await expect
      .poll(async () => Number(await pending.getAttribute('data-count')))
      .toBeGreaterThanOrEqual(2);
    await test
      .info()
      .attach('offline-waiting', { body: await page.screenshot(), contentType: 'image/png' });

    await central.start();
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', {
      timeout: 30_000,
    });
    await expect(pending).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    for (const o of orders)
      await expect
        .poll(() => orderStatus(central.url, o.orderId), { timeout: 30_000 })
        .toBe('shipped');

    // Exactly two shipments, two cartons, and stock lowered once per order.
    await central.stop();
    const database = await openDatabase({ pgliteDir: pgliteDirFor(dataDir) });
    try {
      const ids = orders.map((o) => o.fulfillmentId);
      const shipments = await database.db
        .selectFrom('shipments')
        .select(['id', 'status'])
        .where('fulfillment_id', 'in', ids)
        .execute();
      expect(shipments.map((s) => s.status)).toEqual(['accepted', 'accepted']);
      const cartons = await database.db
        .selectFrom('cartons')
        .select('sscc')
        .where(
          'shipment_id',
          'in',
          shipments.map((s) => s.id),
        )
        .execute();
      expect(cartons).toHaveLength(2);
      const events = await database.db
        .selectFrom('outbox_events')
        .select('id')
        .where('type', '=', 'order.shipped')
        .where(
          'aggregate_id',
          'in',
          orders.map((o) => o.orderId),
        )
        .execute();
      expect(events).toHaveLength(2);
      const stock = await database.db
        .selectFrom('stock')
        .select('on_hand')
        .where('warehouse_code', '=', WAREHOUSE)
        .where('sku', '=', products.tea.sku)
        .executeTakeFirstOrThrow();
      expect(stock.on_hand).toBe(100 - 2);
    } finally {
      await database.close();
    }
    await central.start();
  } finally {
    await station.stop();
  }
});

test('two stations race on one fulfillment: the first confirmed shipment wins, the other station is told why', async ({
  browser,
}) => {
  const first = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'Race A'),
  });
  const second = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'Race B'),
  });
  await Promise.all([first.start(), second.start()]);
  const [pageA, pageB] = [await browser.newPage(), await browser.newPage()];
  try {
    const order = await placeTeaOrder(`RACE-${Date.now()}`);
    await pageA.goto(first.url);
    await pageB.goto(second.url);
    await signIn(pageA, 'OP-0101', '2468');
    await signIn(pageB, 'OP-0102', '1357');

    // Both packers have the order in hand before either confirms.
    await packTeaUnconfirmed(pageA, order.fulfillmentId);
    await packTeaUnconfirmed(pageB, order.fulfillmentId);
    await confirmPacked(pageA);
    await expect(pageA.getByTestId('shipment-confirmed')).toHaveAttribute(
      'data-status',
      'accepted',
      { timeout: 30_000 },
    );
    await confirmPacked(pageB);
    await expect(pageA.getByTestId('shipment-confirmed')).toHaveAttribute(
      'data-status',
      'accepted',
      { timeout: 30_000 },
    );
    await expect(pageB.getByTestId('shipment-refused')).toBeVisible({ timeout: 30_000 });
    await expect(pageB.getByTestId('shipment-refused')).toContainText(
      'Already shipped by station Race A',
    );
    await expect(pageB.getByTestId('sync-conflicts')).toHaveAttribute('data-count', '1');
    await test
      .info()
      .attach('race-refused', { body: await pageB.screenshot(), contentType: 'image/png' });
    // The packer resolves it: the labels are voided and the problem is gone.
    await pageB.getByRole('button', { name: 'Labels removed: void them' }).click();
    await expect(pageB.getByTestId('shipment-voided')).toBeVisible();
    await expect(pageB.getByTestId('sync-conflicts')).toHaveCount(0);
    await expect.poll(() => orderStatus(central.url, order.orderId)).toBe('shipped');
  } finally {
    await Promise.all([pageA.close(), pageB.close()]);
    await Promise.all([first.stop(), second.stop()]);
  }
});

// Batch picking through the web host against a real central OMS: three orders wait, the packer
// takes a batch of two from the queue, gives each a tote by scanning, and walks the warehouse once
// for both (a wrong bin, a wrong item, an unknown code, an over-pick, a reload in the middle, a
// short pick the central OMS backorders). Then each tote opens its order for packing.
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  placeOrder,
  products,
  unknownGtin,
  startPickPackWorld,
} from './support/pick-pack-fixture';
import type { ManagedProcess } from './support/processes';
import { scan, scanExpecting } from './support/scanner';
import { checkScreen } from './support/screen-checks';
import { shot, signIn } from './support/station-page';

let central: ManagedProcess;
let station: ManagedProcess;

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  ({ central, station } = await startPickPackWorld({
    dirPrefix: 'oms-batch-pick-',
    stationName: 'E2E batch station',
    operators: [{ badge: 'OP-0009', name: 'Noor Bakker', pin: '2468', locale: 'en' }],
  }));
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
});

/** The quantity the central OMS has backordered on an order's line for a SKU. */
async function backordered(orderId: string, sku: string): Promise<number> {
  const response = await fetch(`${central.url}/v1/orders/${orderId}`, { headers: ADMIN });
  const order = (await response.json()) as {
    lines: { sku: string; backorderedQuantity: number }[];
  };
  return order.lines.find((line) => line.sku === sku)?.backorderedQuantity ?? -1;
}

test('a packer picks a batch of two orders into two totes in one walk, then packs from a tote', async ({
  page,
}) => {
  // Three orders of tea ×2, mug ×3, lamp ×1; the batch takes the first two in queue order.
  const run = Date.now();
  const first = await placeOrder(central.url, `E2E-BATCH-1-${run}`);
  const second = await placeOrder(central.url, `E2E-BATCH-2-${run}`);
  const third = await placeOrder(central.url, `E2E-BATCH-3-${run}`);
  const [one, two, left] = [first, second, third].map((o) => o.fulfillmentId);

  await page.goto(station.url);
  await signIn(page, 'OP-0009', '2468');
  for (const id of [one, two, left])
    await expect(page.locator(`tr[data-id="${id}"]`)).toBeVisible({ timeout: 30_000 });

  await page.getByTestId('batch-size').fill('2');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // The batch size is a station setting (the cart's size): kept past sign-outs and restarts.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('station.batch-settings')))
    .toContain('"batchSize":2');
  await scanExpecting(page, 'CMD:BATCH', 'batch.started');
  const screen = page.getByTestId('batch-screen');
  await expect(screen).toHaveAttribute('data-phase', 'totes');
  await expect(page.getByTestId(`tote-of-${left}`)).toHaveCount(0);

  // A tote for each order, in order; a tote twice and a bin before the totes are refused.
  await expect(page.getByTestId('instruction')).toContainText('1 of 2');
  await checkScreen(page, 'batch, totes', page.getByTestId('instruction'));
  await scanExpecting(page, 'T:E2E-TOTE-1', 'batch.toteAssigned');
  await expect(page.getByTestId(`tote-of-${one}`)).toHaveText('E2E-TOTE-1');
  await scanExpecting(page, 'T:E2E-TOTE-1', 'batch.toteInBatch');
  await scanExpecting(page, 'B:A-01', 'batch.scanToteFirst');
  await scanExpecting(page, 'T:E2E-TOTE-2', 'batch.toteAssigned');
  await expect(screen).toHaveAttribute('data-phase', 'walk');

  // Bin A-01: tea for both orders. The item before its bin, a wrong bin, a wrong item, an unknown code.
  await expect(page.getByTestId('instruction')).toContainText('A-01');
  await scanExpecting(page, products.tea.gtin, 'pick.scanBinFirst');
  await scanExpecting(page, 'B:C-09', 'pick.wrongBin');
  await scanExpecting(page, 'B:A-01', 'pick.binConfirmed');
  await scanExpecting(page, products.spoon.gtin, 'scan.wrongItem');
  await expect(page.getByTestId('feedback')).toContainText('WRONG ITEM');
  await scanExpecting(page, unknownGtin, 'scan.unknownBarcode');

  // The first tea goes into tote 1; the quantity prompt takes the second by hand.
  await scanExpecting(page, products.tea.gtin, 'batch.intoTote');
  await expect(page.getByTestId('tote-callout')).toHaveAttribute('data-tote', 'E2E-TOTE-1');
  await expect(page.getByTestId('quantity-prompt')).toBeVisible();
  await checkScreen(page, 'batch, into tote', page.getByTestId('tote-callout'));
  await checkScreen(page, 'batch, how many more', page.getByTestId('quantity-prompt'));
  await page.getByTestId('quantity-prompt').locator('input').fill('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`picked-${one}-${products.tea.sku}`)).toHaveText('2');
  // Order 1 has its tea: the next tea goes into tote 2, one scan at a time.
  await scanExpecting(page, products.tea.gtin, 'batch.intoTote');
  await expect(page.getByTestId('tote-callout')).toHaveAttribute('data-tote', 'E2E-TOTE-2');
  await expect(page.getByTestId('feedback')).toContainText('INTO TOTE E2E-TOTE-2');
  await scanExpecting(page, products.tea.gtin, 'batch.intoTote');
  await scanExpecting(page, products.tea.gtin, 'pick.overPick');
  await expect(page.getByTestId(`picked-${two}-${products.tea.sku}`)).toHaveText('2');

  // A reload mid-batch resumes exactly: same batch, same totes, same counts, next bin.
  await page.reload();
  await expect(screen).toHaveAttribute('data-phase', 'walk');
  await expect(page.getByTestId(`picked-${one}-${products.tea.sku}`)).toHaveText('2');
  await expect(page.getByTestId(`picked-${two}-${products.tea.sku}`)).toHaveText('2');
  await expect(page.getByTestId(`picked-${one}-${products.mug.sku}`)).toHaveText('0');
  await expect(page.getByTestId('instruction')).toContainText('B-02');
  // Back to the queue: the batch waits there for this station.
  await scan(page, 'CMD:CANCEL');
  await expect(page.getByTestId('queue-screen')).toBeVisible();
  await page.getByTestId('resume-batch').click();
  await expect(screen).toHaveAttribute('data-phase', 'walk');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  // Bin B-02: three mugs scanned into tote 1, then one scan and "2 more" for tote 2.
  await scanExpecting(page, 'B:B-02', 'pick.binConfirmed');
  for (let i = 0; i < 3; i++) await scanExpecting(page, products.mug.gtin, 'batch.intoTote');
  await expect(page.getByTestId('tote-callout')).toHaveAttribute('data-tote', 'E2E-TOTE-1');
  await scanExpecting(page, products.mug.gtin, 'batch.intoTote');
  await expect(page.getByTestId('tote-callout')).toHaveAttribute('data-tote', 'E2E-TOTE-2');
  await page.getByTestId('quantity-prompt').locator('input').fill('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`picked-${two}-${products.mug.sku}`)).toHaveText('3');
  await expect(page.getByTestId(`picked-${one}-${products.mug.sku}`)).toHaveText('3');

  // Bin C-03: one lamp for tote 1; the second is missing, a short pick with a reason.
  await scanExpecting(page, 'B:C-03', 'pick.binConfirmed');
  await scanExpecting(page, products.lamp.gtin, 'batch.intoTote');
  await shot(page, 'batch-walk');
  await scan(page, 'CMD:SHORT');
  await expect(page.getByTestId('short-prompt')).toContainText(products.lamp.name);
  await page.keyboard.press('1');
  await expect(screen).toHaveAttribute('data-phase', 'done');
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-key', 'batch.complete');
  await checkScreen(page, 'batch, done', page.getByTestId('batch-done'));
  await shot(page, 'batch-done');

  // The short reached the central OMS like a single-order short: the lamp is backordered.
  await expect
    .poll(() => backordered(second.orderId, products.lamp.sku), { timeout: 30_000 })
    .toBe(1);
  expect(await backordered(first.orderId, products.lamp.sku)).toBe(0);

  // Packing from the totes: tote 2 opens its order from the batch screen, tote 1 from the queue.
  await scanExpecting(page, 'T:E2E-TOTE-9', 'batch.toteNotInBatch');
  await scan(page, 'T:E2E-TOTE-2');
  await expect(page.getByTestId('packing-screen')).toBeVisible();
  await expect(page.getByTestId('pack-tote')).toHaveText('From tote E2E-TOTE-2');
  await expect(page.getByTestId(`packed-${products.lamp.sku}`)).toHaveCount(0);
  await expect(page.getByTestId(`packed-${products.mug.sku}`)).toHaveText('0 / 3');
  await scan(page, 'CMD:CANCEL');
  await expect(page.getByTestId('queue-screen')).toBeVisible();
  await expect(page.getByTestId('resume-batch')).toHaveCount(0);
  await expect(page.locator(`tr[data-id="${left}"]`)).toBeVisible();
  await scanExpecting(page, 'T:E2E-TOTE-7', 'queue.toteEmpty');
  await scanExpecting(page, 'T:E2E-TOTE-1', 'queue.toteOpening');
  await expect(page.getByTestId('packing-screen')).toBeVisible();
  await expect(page.getByTestId(`packed-${products.lamp.sku}`)).toHaveText('0 / 1');
  await expect(page.getByTestId('pack-tote')).toHaveText('From tote E2E-TOTE-1');
  await shot(page, 'packing-from-tote');
});

// What an outside test of the packing floor found, told as the packer's day through the real web
// host and keyboard-wedge path: the waiting count on the sign-in screen, the README's demo badge
// scanned as printed, a bin code without its prefix, the packing slip and carton barcodes scanned
// back at the queue, reprinting labels, print jobs named by order and carton, and messages that
// stay on the screen that raised them.
import { expect, test, type Page } from '@playwright/test';
import { startFakeZebra, type FakeZebra } from '../support/fake-zebra';
import { renderAndDecode } from '../support/zpl-decode';
import { placeOrder, products, startPickPackWorld } from './support/pick-pack-fixture';
import {
  centralOms,
  createStationCode,
  stationWebHost,
  type ManagedProcess,
} from './support/processes';
import { allowSlowScanner, scan, scanExpecting, typeByHand } from './support/scanner';
import { checkScreen } from './support/screen-checks';
import { shot, signIn } from './support/station-page';

let central: ManagedProcess;
let station: ManagedProcess;
let zebra: FakeZebra;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  zebra = await startFakeZebra({ answer: {} });
  ({ central, station } = await startPickPackWorld({
    dirPrefix: 'oms-station-floor-',
    stationName: 'E2E floor station',
    operators: [{ badge: 'OP-0041', name: 'Ruth Peters', pin: '3579', locale: 'en' }],
  }));
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
  await zebra?.close();
});

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the sign-in screen counts every fulfillment order waiting', async ({ page }) => {
  const run = Date.now();
  for (let i = 0; i < 3; i++)
    await placeOrder(central.url, `E2E-COUNT-${i}-${run}`, [
      { sku: products.mug.sku, quantity: 1 },
    ]);
  await page.goto(station.url);
  await expect(page.getByTestId('queue-count')).toHaveAttribute('data-count', '3', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('queue-count')).toHaveText('3 fulfillment orders waiting');
});

test("the README's demo badge NL-TIL-1 signs in when scanned, and the PIN never shows", async ({
  page,
}) => {
  // The demo catalogue's Tilburg warehouse and its packers, as `npm start` seeds them.
  const demo = await centralOms();
  await demo.start();
  const tilburg = await stationWebHost(demo.url, {
    STATION_ENROLMENT_CODE: await createStationCode(demo.url, 'NL-TIL', 'E2E Tilburg'),
  });
  try {
    await tilburg.start();
    await page.goto(tilburg.url);
    await expect(page.getByTestId('queue-count')).toBeVisible({ timeout: 30_000 });
    await allowSlowScanner(page);
    const badge = page.getByTestId('badge');
    const pin = page.getByTestId('pin');
    await expect(badge).toBeFocused();
    // The badge as the README gives it, bare, and then as the station prints badges (U:).
    await expect(async () => scanExpecting(page, 'NL-TIL-1', 'signIn.badgeRead')).toPass({
      timeout: 30_000,
    });
    await expect(pin).toBeFocused();
    await typeByHand(page, '1234');
    await expect(badge).toHaveValue('NL-TIL-1');
    await expect(pin).toHaveValue('1234');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('operator')).toContainText(/Signed in|Aangemeld/);
    await scan(page, 'CMD:SIGN-OUT');
    await expect(page.getByTestId('operator')).toHaveCount(0);
    await scanExpecting(page, 'U:NL-TIL-1', 'signIn.badgeRead');
    await expect(pin).toBeFocused();
  } finally {
    await tilburg.stop();
    await demo.stop();
  }
});

/** The first shipping label and packing slip the Zebra received since job `from`, decoded. */
async function printedSince(from: number) {
  const jobs = zebra.jobs.slice(from).map((job) => job.toString('utf8'));
  const slip = jobs.find((zpl) => zpl.includes('PACKING SLIP'));
  const label = jobs.find((zpl) => !zpl.includes('PACKING SLIP'));
  expect(slip, 'the packing slip was printed').toBeDefined();
  expect(label, 'the shipping label was printed').toBeDefined();
  const [slipCodes] = await renderAndDecode(slip!);
  const [labelCodes] = await renderAndDecode(label!);
  return { slipCodes: slipCodes ?? [], labelCodes: labelCodes ?? [] };
}

async function addZebra(page: Page) {
  await page.getByRole('button', { name: 'Printers' }).click();
  const form = page.locator('form').filter({ has: page.getByLabel('IP address or host name') });
  await form.getByLabel('Name', { exact: true }).fill('Floor Zebra');
  await form.getByLabel('IP address or host name').fill('127.0.0.1');
  await form.getByLabel('Port').fill(String(zebra.port));
  await form.getByRole('button', { name: 'Add printer' }).click();
  await expect(page.getByRole('radio', { name: 'Labels' })).toBeChecked();
  await page.getByRole('button', { name: 'Back' }).click();
}

test('a packed order is found again by its packing slip, SSCC or tracking number and its labels reprint', async ({
  page,
}) => {
  const run = Date.now();
  const shipped = await placeOrder(central.url, `E2E-SLIP-${run}`, [
    { sku: products.tea.sku, quantity: 1 },
  ]);
  const waiting = await placeOrder(central.url, `E2E-NEXT-${run}`, [
    { sku: products.tea.sku, quantity: 1 },
  ]);
  const printedBefore = zebra.jobs.length;
  await page.goto(station.url);
  await expect(page.getByTestId('queue-count')).toBeVisible();
  await addZebra(page);
  await signIn(page, 'OP-0041', '3579');
  await expect(page.locator(`tr[data-id="${waiting.fulfillmentId}"]`)).toBeVisible({
    timeout: 30_000,
  });

  // Picking: the bin's own sign carries its code without B:, and that is still the bin.
  await scan(page, `F:${shipped.fulfillmentId.toUpperCase()}`);
  await expect(page.getByTestId('picking-screen')).toBeVisible();
  await scanExpecting(page, products.tea.bin, 'pick.binConfirmed');
  await scanExpecting(page, products.tea.gtin, 'pick.complete');
  // Packing: a bare bin code is a bin, not "a product not in the catalogue".
  await expect(page.getByTestId('packing-screen')).toBeVisible();
  await scanExpecting(page, products.tea.bin, 'scan.isBin');
  await expect(page.getByTestId('feedback')).toContainText(`That is bin ${products.tea.bin}`);
  await scanExpecting(page, 'BOX:S', 'pack.cartonOpened');
  await scanExpecting(page, products.tea.gtin, 'pack.packed');
  await page.getByTestId('weight-1').fill('270');
  await page.getByTestId('weight-1').press('Enter');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scan(page, 'CMD:DONE');
  await expect(page.getByTestId('shipment-confirmed')).toBeVisible();
  await zebra.waitForJobs(printedBefore + 2, 60_000);

  // After confirming, CMD:REPRINT prints the carton's label again.
  await scanExpecting(page, 'CMD:REPRINT', 'printing.labelsReprinted');
  await zebra.waitForJobs(printedBefore + 3, 60_000);
  await expect(page.getByTestId('feedback')).toContainText('1 label is printing again');

  // The print queue names each job by order, carton and kind, never by id.
  await page.getByRole('button', { name: 'Printers' }).click();
  const jobs = page.getByTestId('print-job');
  await expect(jobs).toHaveCount(3);
  const labelOwner = `Order E2E-SLIP-${run} · carton 1 of 1`;
  await expect(
    jobs.filter({ has: page.getByTestId('print-job-owner').getByText(labelOwner) }),
  ).toHaveCount(2);
  await expect(jobs.filter({ hasText: 'Packing slip' })).toContainText(`Order E2E-SLIP-${run}`);
  await expect(jobs.filter({ hasText: 'printed again' })).toHaveCount(1);
  expect(await page.getByTestId('printers-screen').innerText()).not.toMatch(uuid);
  // The carriers' end-of-day close sits beside the printers; no carrier here has credentials.
  await expect(page.getByTestId('day-close')).toContainText(
    'No carrier of this warehouse has an end-of-day close at this station.',
  );
  await shot(page, 'print-queue-by-order');

  // A message belongs to the screen that raised it: a stray scan here is not shown after Back.
  await scanExpecting(page, products.tea.gtin, 'scan.notExpected');
  await page.getByRole('button', { name: 'Back' }).first().click();
  await expect(page.getByTestId('shipment-confirmed')).toBeVisible();
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-seq', '0');
  await scan(page, 'CMD:DONE');
  await expect(page.getByTestId('queue-screen')).toBeVisible();

  // The real printed barcodes, as zxing reads them, with their symbology identifiers.
  const { slipCodes, labelCodes } = await printedSince(printedBefore);
  const slipBarcode = slipCodes.find((code) => code.text === `E2E-SLIP-${run}`);
  expect(slipBarcode, 'the packing slip barcode holds the order number').toBeDefined();
  expect(slipBarcode!.symbologyIdentifier).toBe(']C0');
  const ssccCode = labelCodes.find((code) => code.isGs1 && code.text.startsWith('00'));
  const trackingCode = labelCodes.find((code) => /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(code.text));
  expect(ssccCode).toBeDefined();
  expect(trackingCode).toBeDefined();

  // At the queue: each of them opens the shipped order, with its carton and a reprint.
  for (const code of [slipBarcode!, ssccCode!, trackingCode!]) {
    await scanExpecting(page, `${code.symbologyIdentifier}${code.text}`, 'order.opened');
    const order = page.getByTestId('order-screen');
    await expect(order).toBeVisible();
    await expect(order.getByRole('heading', { level: 2 })).toHaveText(`Order E2E-SLIP-${run}`);
    await expect(page.getByTestId('order-carton-1')).toContainText(ssccCode!.text.slice(2));
    await expect(page.getByTestId('order-carton-1')).toContainText(trackingCode!.text);
    await scan(page, 'CMD:DONE');
    await expect(page.getByTestId('queue-screen')).toBeVisible();
  }
  await scanExpecting(page, `]C0${slipBarcode!.text}`, 'order.opened');
  await expect(page.getByTestId('order-status')).toHaveText(/Packed|Shipped/);
  await checkScreen(page, 'order', page.getByTestId('instruction'));
  await scanExpecting(page, 'CMD:REPRINT', 'printing.labelsReprinted');
  await zebra.waitForJobs(printedBefore + 4, 60_000);
  await shot(page, 'order-reprint');
  await page.getByRole('button', { name: 'Back to queue (CMD:DONE)' }).click();

  // The packing slip of an order still waiting opens it for picking.
  await scanExpecting(page, `]C0E2E-NEXT-${run}`, 'queue.starting');
  await expect(page.getByTestId('picking-screen')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`E2E-NEXT-${run}`);
});

// The label preview in the real station through the web host: a packer packs a one-line order
// with a network Zebra set up (a real TCP listener playing the printer), which runs out of labels
// as the carton is confirmed: the print queue says so, and prints once labels are back. Then
// the packer previews the shipping label. The preview is drawn by zpl-renderer-js in a Web Worker
// from the same ZPL the printer received: a full 4×6 in label at 203 dpi whose barcodes read
// back as the carton's SSCC and tracking number, byte-for-byte what reached the printer.
import { expect, test } from '@playwright/test';
import { startFakeZebra, type FakeZebra } from '../support/fake-zebra';
import { decodeBarcodes } from '../support/zpl-decode';
import { placeOrder, products, startPickPackWorld } from './support/pick-pack-fixture';
import type { ManagedProcess } from './support/processes';
import { scan, scanExpecting } from './support/scanner';
import { checkScreen } from './support/screen-checks';
import { shot, signIn } from './support/station-page';

let central: ManagedProcess;
let station: ManagedProcess;
let zebra: FakeZebra;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  zebra = await startFakeZebra({ answer: {} });
  ({ central, station } = await startPickPackWorld({
    dirPrefix: 'oms-label-preview-',
    stationName: 'E2E label preview',
    operators: [{ badge: 'OP-0021', name: 'Lotte Bakker', pin: '8642', locale: 'en' }],
  }));
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
  await zebra?.close();
});

/** Width and height of the decoded image, and the share of its pixels that are ink. */
function inkOf(image: HTMLImageElement) {
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    const luminance = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    if (data[i + 3]! > 128 && luminance < 100) ink += 1;
  }
  return { width: canvas.width, height: canvas.height, inkShare: ink / (data.length / 4) };
}

test('the print queue previews a shipping label exactly as the printer received it', async ({
  page,
}) => {
  // Set-up: a network Zebra by address; the first printer becomes the label printer.
  await page.goto(station.url);
  await expect(page.getByTestId('queue-count')).toBeVisible();
  await page.getByRole('button', { name: 'Printers' }).click();
  await checkScreen(page, 'printer setup, no printers', page.getByTestId('instruction'));
  const networkPrinter = page
    .locator('form')
    .filter({ has: page.getByLabel('IP address or host name') });
  await networkPrinter.getByLabel('Name', { exact: true }).fill('Packing Zebra');
  await networkPrinter.getByLabel('IP address or host name').fill('127.0.0.1');
  await networkPrinter.getByLabel('Port').fill(String(zebra.port));
  await networkPrinter.getByRole('button', { name: 'Add printer' }).click();
  await expect(page.getByRole('radio', { name: 'Labels' })).toBeChecked();
  await page.getByRole('button', { name: 'Back' }).click();

  // A one-line order, picked and packed into one carton.
  const { fulfillmentId } = await placeOrder(central.url, `E2E-PREVIEW-${Date.now()}`, [
    { sku: products.tea.sku, quantity: 1 },
  ]);
  await signIn(page, 'OP-0021', '8642');
  await expect(page.locator(`tr[data-id="${fulfillmentId}"]`)).toBeVisible({ timeout: 30_000 });
  await scan(page, `F:${fulfillmentId.toUpperCase()}`);
  await expect(page.getByTestId('picking-screen')).toBeVisible();
  await scanExpecting(page, `B:${products.tea.bin}`, 'pick.binConfirmed');
  await scanExpecting(page, products.tea.gtin, 'pick.complete');
  await expect(page.getByTestId('packing-screen')).toBeVisible();
  await scanExpecting(page, 'BOX:S', 'pack.cartonOpened');
  await scanExpecting(page, products.tea.gtin, 'pack.packed');
  await scan(page, 'CMD:DONE');
  await expect(page.getByTestId('blockers')).toBeVisible();
  // The tea tin (150 g) in an S box (120 g).
  await page.getByTestId('weight-1').fill('270');
  await page.getByTestId('weight-1').press('Enter');
  await expect(page.getByTestId('weight-check-1')).toHaveAttribute('data-ok', 'true');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // The Zebra runs out of labels just as the carton is confirmed.
  zebra.mode = { answer: { paperOut: true } };
  await scan(page, 'CMD:DONE');
  await expect(page.getByTestId('shipment-confirmed')).toBeVisible();
  await expect(page.getByTestId('feedback')).toHaveAttribute('data-key', /^pack\.confirmed/);

  // The print queue says what its first job waits for, in the packer's words; nothing printed.
  await page.getByRole('button', { name: 'Printers' }).click();
  await expect(
    page.getByRole('row').filter({ hasText: 'Waits for the printer: Out of labels' }),
  ).toHaveCount(1, { timeout: 30_000 });
  expect(zebra.jobs).toHaveLength(0);
  await checkScreen(page, 'printer setup, print queue', page.getByTestId('instruction'));
  await shot(page, 'print-queue-out-of-labels');

  // Labels refilled: the packing slip and the label print, once each, without anyone asking.
  zebra.mode = { answer: {} };
  const printed = (await zebra.waitForJobs(2, 60_000)).map((job) => job.toString('utf8'));
  await expect(page.getByRole('row').filter({ hasText: 'Printed' })).toHaveCount(2);

  // The print queue's history: preview the shipping label.
  const labelRow = page.getByRole('row').filter({ hasText: 'Shipping label' });
  await expect(labelRow).toHaveCount(1);
  await labelRow.getByRole('button', { name: 'Preview' }).click();
  const preview = labelRow.getByRole('img', { name: 'Label preview, page 1' });
  // The worker fetches and compiles the 27 MB renderer on this first preview.
  await expect(preview).toBeVisible({ timeout: 90_000 });

  const ink = await preview.evaluate(inkOf);
  // 4×6 in at 8 dots/mm: 101.6 × 152.4 mm.
  expect(ink.width).toBeGreaterThanOrEqual(812);
  expect(ink.width).toBeLessThanOrEqual(813);
  expect(ink.height).toBeGreaterThanOrEqual(1219);
  expect(ink.height).toBeLessThanOrEqual(1220);
  // A drawn label: text, boxes and barcodes, neither blank nor solid black.
  expect(ink.inkShare).toBeGreaterThan(0.03);
  expect(ink.inkShare).toBeLessThan(0.6);

  // Its barcodes read back as the carton's SSCC (GS1-128) and tracking number (Code 128), the
  // same values as in the ZPL the printer received.
  const src = (await preview.getAttribute('src')) ?? '';
  expect(src).toMatch(/^data:image\/png;base64,/);
  const barcodes = await decodeBarcodes(
    new Uint8Array(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64')),
  );
  const sscc = barcodes.find((b) => b.isGs1 && b.text.startsWith('00'))?.text.slice(2);
  // This station has no carrier API configured: own-carrier (UPU S10) numbers.
  const tracking = barcodes.find((b) => !b.isGs1 && /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(b.text))?.text;
  expect(sscc).toMatch(/^\d{18}$/);
  expect(tracking).toBeDefined();
  const label = printed.find((zpl) => zpl.includes(sscc!));
  expect(label, 'the printer received the previewed label').toBeDefined();
  expect(label).toContain(tracking!);

  await preview.scrollIntoViewIfNeeded();
  await test.info().attach('label-preview', {
    body: await preview.screenshot(),
    contentType: 'image/png',
  });
  await shot(page, 'print-queue-with-preview');
});

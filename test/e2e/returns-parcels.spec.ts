// One return in two parcels at the returns desk, through the web host against a real central
// OMS: the first parcel (a tea and the mug) is refunded and the RMA stays open; the packer is
// warned before restocking into a bin of another product and confirms it; a unit graded half-way
// survives a reload and a new window; the second parcel (the other tea) is a new parcel counted on
// top of the first, and the station's counts equal the central OMS's after each sync.
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
  shippedOrderWithReturn,
  type AuthorisedReturn,
} from './support/returns-fixture';
import { scanExpecting } from './support/scanner';
import { shot, signIn } from './support/station-page';

let central: ManagedProcess;
let station: ManagedProcess;
let parcel: AuthorisedReturn;
const { tea, mug } = products;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-parcels-'));
  await seedPickPackCatalogue(dataDir);
  central = await centralOms({ dataDir });
  await central.start();
  await createOperator(central.url, {
    badge: 'OP-0012',
    name: 'Eva de Wit',
    pin: '1357',
    locale: 'en',
  });
  const shipping = await enrolApiStation(central.url, 'E2E shipping');
  parcel = await shippedOrderWithReturn(central.url, shipping, [tea.sku, mug.sku], {
    [tea.sku]: 2,
  });
  station = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStation(central.url, 'E2E parcels desk'),
  });
  await station.start();
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
});

const line = (page: Page, sku: string) => page.getByTestId(`rma-line-${sku}`);

/** The station shows for each RMA line what the central OMS counts. */
async function countsMatchCentral(page: Page) {
  const rma = await getRma(central.url, parcel.rmaId);
  const authorised: Record<string, number> = { [tea.sku]: 2, [mug.sku]: 1 };
  for (const l of rma.lines)
    await expect(line(page, l.sku)).toHaveText(`${l.receivedQuantity} / ${authorised[l.sku]}`);
  return rma;
}

async function openDesk(page: Page) {
  await page.goto(station.url);
  await signIn(page, 'OP-0012', '1357');
  await page.getByTestId('returns-toggle').click();
}

test('two parcels of one return: refunded each, counted once, a half-graded unit kept', async ({
  page,
}) => {
  await openDesk(page);
  await expect(page.getByTestId('find-return')).toBeVisible();
  await expect(async () => scanExpecting(page, `RMA:${parcel.rmaCode}`, 'returns.found')).toPass({
    timeout: 30_000,
  });
  await expect(line(page, tea.sku)).toHaveText('0 / 2');

  // First parcel, the tea: its home bin is suggested; B-02 holds the mug, so a warning first,
  // and the second scan of B-02 puts it there all the same.
  await scanExpecting(page, tea.gtin, 'returns.itemScanned');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('home-bin')).toHaveAttribute('data-bin', tea.bin);
  await scanExpecting(page, `B:${mug.bin}`, 'returns.binHoldsOther');
  await expect(page.getByTestId('foreign-bin')).toHaveAttribute('data-bin', mug.bin);
  await scanExpecting(page, `B:${mug.bin}`, 'returns.restocked');
  await expect(page.getByTestId('receipt-items').locator('li')).toHaveCount(1);

  // The mug, graded A and left before its disposition: a reload keeps the grade.
  await scanExpecting(page, mug.gtin, 'returns.itemScanned');
  await page.keyboard.press('1');
  await expect(page.getByTestId('disposition-prompt')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('disposition-prompt')).toBeVisible();
  await expect(page.getByTestId('disposition-prompt')).toContainText('Grade A');

  // …and so does a new window (the station restarted): sign in again, open the desk, go on.
  const restarted = await page.context().newPage();
  await page.close();
  await openDesk(restarted);
  await expect(restarted.getByTestId('disposition-prompt')).toBeVisible();
  await expect(restarted.getByTestId('disposition-prompt')).toContainText('Grade A');
  await expect(restarted.getByTestId('receipt-items').locator('li')).toHaveCount(1);
  await shot(restarted, 'parcels-half-graded-resumed');
  await restarted.getByTestId('disposition-prompt').focus();
  await restarted.keyboard.press('2');
  await waitForQuarantine(restarted);
  await expect(line(restarted, mug.sku)).toHaveText('1 / 1');
  await scanExpecting(restarted, 'CMD:DONE', 'returns.submitted');
  await expect(restarted.getByTestId('receipt-state')).toHaveAttribute('data-state', 'accepted', {
    timeout: 60_000,
  });
  await expect(restarted.getByTestId('receipt-state')).toContainText('19.90');
  // Once the RMA document comes back from the central OMS, its counts are the station's.
  await expect(restarted.getByTestId('return-rma')).toHaveAttribute(
    'data-status',
    'partially_refunded',
  );
  const afterFirst = await countsMatchCentral(restarted);
  expect(afterFirst.status).toBe('partially_refunded');

  // Second parcel, the other tea: a new parcel, counted on top of the first, not a resumed one.
  await restarted.getByRole('button', { name: 'Next parcel' }).click();
  await scanExpecting(restarted, `RMA:${parcel.rmaCode}`, 'returns.foundNextParcel');
  await countsMatchCentral(restarted);
  await scanExpecting(restarted, tea.gtin, 'returns.itemScanned');
  await restarted.keyboard.press('1');
  await restarted.keyboard.press('Enter');
  await scanExpecting(restarted, `B:${tea.bin}`, 'returns.restocked');
  await expect(line(restarted, tea.sku)).toHaveText('2 / 2');
  await scanExpecting(restarted, 'CMD:DONE', 'returns.submitted');
  await expect(restarted.getByTestId('receipt-state')).toHaveAttribute('data-state', 'accepted', {
    timeout: 60_000,
  });
  await expect(restarted.getByTestId('receipt-state')).toContainText('9.95');
  await expect(restarted.getByTestId('return-rma')).toHaveAttribute('data-status', 'refunded');
  const done = await countsMatchCentral(restarted);
  expect(done.status).toBe('refunded');
  expect(done.receipts.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  expect(done.refunds.map((r) => r.amountMinor)).toEqual([1990, 995]);
  await shot(restarted, 'parcels-second-accepted');

  // A third parcel is refused at the desk: the return is complete.
  await restarted.getByRole('button', { name: 'Next parcel' }).click();
  await scanExpecting(restarted, `RMA:${parcel.rmaCode}`, 'returns.notAwaiting');
});

async function waitForQuarantine(page: Page) {
  await expect(page.getByTestId('feedback')).toHaveAttribute(
    'data-key',
    /^returns\.quarantined(NoPrinter)?$/,
  );
}

import { expect, test } from '@playwright/test';
import { checkScreen } from './support/screen-checks';
import {
  centralOms,
  createStationCode,
  stationWebHost,
  type ManagedProcess,
} from './support/processes';

let central: ManagedProcess;
let station: ManagedProcess;

test.beforeAll(async () => {
  central = await centralOms();
  await central.start();
  station = await stationWebHost(central.url);
  await station.start();
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
});

test('a new station is enrolled from its set-up screen with a one-time code, then syncs its warehouse', async ({
  page,
}) => {
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'Set up this station' })).toBeVisible();
  await checkScreen(page, 'set-up', page.getByTestId('instruction'));
  await page.getByLabel('Enrolment code').fill('WRONG-CODE-123');
  await page.getByRole('button', { name: 'Enrol station' }).click();
  await expect(page.getByRole('alert')).toContainText('unknown, used or expired');
  await checkScreen(page, 'set-up, refused code', page.getByRole('alert'));
  // The same screen in Dutch.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Dit station instellen' })).toBeVisible();
  await checkScreen(page, 'set-up (Dutch)', page.getByTestId('instruction'));
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');

  const code = await createStationCode(central.url, 'NL-TIL', 'Tilburg packing 7');
  await page.getByLabel('Enrolment code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Enrol station' }).click();
  await expect(page.getByText('Station Tilburg packing 7 · warehouse NL-TIL')).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toContainText('Last sync');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await test
    .info()
    .attach('station-enrolled', { body: await page.screenshot(), contentType: 'image/png' });

  // The same code cannot enrol a second station.
  const again = await fetch(`${central.url}/v1/stations/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(again.status).toBe(401);
});

import { expect, test } from '@playwright/test';
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
  station = await stationWebHost(central.url, {
    STATION_ENROLMENT_CODE: await createStationCode(central.url),
  });
  await station.start();
});

test.afterAll(async () => {
  await station?.stop();
  await central?.stop();
});

test('the station loads through the web host, shows it reached the central OMS, and shows offline when it stops', async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') cspViolations.push(msg.text());
  });

  await page.goto(station.url);
  const indicator = page.getByTestId('connectivity');
  await expect(indicator).toHaveAttribute('data-state', 'online');
  await expect(indicator).toContainText('Central OMS: Online');
  await test
    .info()
    .attach('station-online', { body: await page.screenshot(), contentType: 'image/png' });

  await central.stop();
  await expect(indicator).toHaveAttribute('data-state', 'offline');
  await expect(indicator).toContainText('Central OMS: Offline');
  await expect(page.getByText('Working offline')).toBeVisible();

  await central.start();
  await expect(indicator).toHaveAttribute('data-state', 'online');
  expect(cspViolations).toEqual([]);
});

test('the station speaks Dutch when the packer picks Nederlands, and remembers it', async ({
  page,
}) => {
  await page.goto(station.url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Klaar om in te pakken' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('connectivity')).toContainText('Centrale OMS: Online');
});

test('the web host refuses station API calls from another origin', async ({ request }) => {
  const response = await request.post(`${station.url}/station-api/getStatus`, {
    headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
    data: {},
  });
  expect(response.status()).toBe(403);
  const bad = await request.post(`${station.url}/station-api/getStatus`, {
    headers: { 'Content-Type': 'application/json' },
    data: { extra: 1 },
  });
  expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
});

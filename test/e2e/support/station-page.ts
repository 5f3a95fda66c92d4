// What every station story does with the page: sign a packer in by badge scan and PIN, and keep
// screenshots (in the test's output folder, and attached to the report).
import { expect, test, type Page } from '@playwright/test';
import { allowSlowScanner, scanExpecting, typeByHand } from './scanner';

/** Signs a packer in from the start screen: badge scan, PIN typed by hand, Enter. */
export async function signIn(
  page: Page,
  badge: string,
  pin: string,
  options: { timeout?: number } = {},
): Promise<void> {
  await expect(page.getByTestId('queue-count')).toBeVisible(options);
  await allowSlowScanner(page);
  await scanExpecting(page, `U:${badge}`, 'signIn.badgeRead');
  await typeByHand(page, pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operator')).toBeVisible();
}

/** A full-page screenshot, kept in the test's output folder and attached to the report. */
export async function shot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

// Types codes the way a keyboard-wedge scanner does: a few milliseconds per character, then Enter.
import { expect, type Page } from '@playwright/test';

export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 3 });
  await page.keyboard.press('Enter');
}

/** Scans and waits for the station's answer to that scan: a new message with this i18n key. */
export async function scanExpecting(page: Page, code: string, key: string): Promise<void> {
  const feedback = page.getByTestId('feedback');
  const before = Number((await feedback.getAttribute('data-seq')) ?? 0);
  await scan(page, code);
  await expect(feedback).toHaveAttribute('data-seq', new RegExp(`^(?!${before}$)\\d+$`));
  await expect(feedback).toHaveAttribute('data-key', key);
}

/**
 * Playwright types over CDP: on a loaded 2-core machine the gap between its "3 ms" keys was
 * measured at 10–135 ms (and longer while other work loads it), slower than any scanner. The station is told so the way a lead would do
 * it, on the scanner test screen: a longer maximum gap between a scan's characters.
 */
export const E2E_MAX_GAP_MS = 600;

export async function allowSlowScanner(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Test scanner|Scanner testen/ }).click();
  await page.getByLabel(/Longest pause|Langste pauze/).fill(String(E2E_MAX_GAP_MS));
  await page.getByRole('button', { name: /Save settings|Instellingen bewaren/ }).click();
  await page.getByRole('button', { name: /^(Back|Terug)$/ }).click();
}

/** A person typing: slower than the scanner's maximum gap, so never taken for a scan. */
export async function typeByHand(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: E2E_MAX_GAP_MS * 2 });
}

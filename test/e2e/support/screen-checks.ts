// What every station screen must hold on the two screens warehouses use (1280×800 and 1024×768):
// nothing scrolls sideways, the prompt that tells the packer what to do next is in view without
// scrolling, and axe-core finds no WCAG 2.0/2.1/2.2 level A or AA violation. axe-core runs inside
// the page from the npm package (no network), in the same Debian Chromium as every e2e test.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

export const STATION_VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Checks the screen as it is now at both sizes, then puts the window back as it was. `prompt` is
 * the instruction or question the packer acts on next.
 */
export async function checkScreen(page: Page, name: string, prompt: Locator): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const viewport of STATION_VIEWPORTS) {
      await page.setViewportSize(viewport);
      const size = `${name} at ${viewport.width}×${viewport.height}`;
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(prompt, `${size}: the prompt is shown`).toBeVisible();
      await expectNoSidewaysScroll(page, size);
      await expectInView(page, prompt, size);
      await expectNoAxeViolations(page, size);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

async function expectNoSidewaysScroll(page: Page, size: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(widths.scrollWidth, `${size}: the page scrolls sideways`).toBeLessThanOrEqual(
    widths.clientWidth,
  );
}

async function expectInView(page: Page, prompt: Locator, size: string): Promise<void> {
  const box = await prompt.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${size}: the prompt has a place on the screen`).not.toBeNull();
  expect(viewport).not.toBeNull();
  expect(box!.y, `${size}: the prompt starts above the top`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${size}: the prompt starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${size}: the prompt ends below the fold`).toBeLessThanOrEqual(
    viewport!.height,
  );
  expect(box!.x + box!.width, `${size}: the prompt ends right of the screen`).toBeLessThanOrEqual(
    viewport!.width,
  );
}

async function expectNoAxeViolations(page: Page, size: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }));
  if (found.length > 0)
    await test.info().attach(`axe ${size}`, {
      body: JSON.stringify(found, null, 2),
      contentType: 'application/json',
    });
  expect(found, `${size}: WCAG 2.2 AA violations`).toEqual([]);
}

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './test/setup/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/setup/build-node-programs.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: CHROMIUM_ARGS,
    },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'src-*/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
    ],
    exclude: ['node_modules', 'out', 'dist', 'test/e2e/**'],
    globalSetup: ['test/setup/global-postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    // The JSON report is what `.ci/run` turns into the closing `N passed, N failed` line.
    reporters: ['default', ['json', { outputFile: '.output/test-results.json' }]],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/data/**/*.test.ts', 'test/conventions/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One Chromium at a time: the machine has two cores and the tests measure real interaction.
          fileParallelism: false,
        },
      },
    ],
  },
});

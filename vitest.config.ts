import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    globalSetup: ['./tests/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases: on a busy 2-core machine 5 s is not enough for them.
          testTimeout: 30_000,
          setupFiles: ['./tests/fake-browser-setup.ts'],
          // Saved pages link the sites' stylesheets and scripts: never fetched, and quietly so.
          environmentOptions: {
            happyDOM: {
              settings: {
                disableCSSFileLoading: true,
                disableJavaScriptFileLoading: true,
                handleDisabledFileLoadingAsSuccess: true,
              },
            },
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'release',
          include: ['tests/release/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time on a 2-core machine; each file launches its own browser.
          fileParallelism: false,
          testTimeout: 60_000,
          expect: { poll: { timeout: 5_000 } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

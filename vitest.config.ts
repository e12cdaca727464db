import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure code, fast), `integration` (real database + real HTTP),
// `e2e` (the built web app in Debian's Chromium). `npm test` runs all three.
// Unit and integration files share their worker's modules (`isolate: false`): loading the
// server's module graph anew for each file cost ~3 s a file, more than most files' tests.
// Each file still opens its own database and server, so no test's data reaches another's.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          setupFiles: ['test/e2e/setup.ts'],
          // On CI a browser test that fails is tried once more (Playwright's own runner does the
          // same); the failed attempt still prints what its browser did (setup.ts), and the JSON
          // report keeps its retry count, so a flaky test is seen, not hidden.
          retry: process.env['CI'] ? 1 : 0,
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

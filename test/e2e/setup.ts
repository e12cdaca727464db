import { beforeEach } from 'vitest';
import { takeBrowserActivity } from './support/browser.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** Attempts of this test that failed (CI retries a browser test once); in the JSON report. */
    failedAttempts?: number;
  }
}

// Each attempt starts with an empty activity log; a failed one prints what its browser went
// through and is counted, so scripts/test.mjs can name a test that passed only on its retry.
beforeEach((context) => {
  takeBrowserActivity();
  context.onTestFailed(() => {
    context.task.meta.failedAttempts = (context.task.meta.failedAttempts ?? 0) + 1;
    const lines = takeBrowserActivity();
    if (lines.length > 0) process.stderr.write(`\nWhat the browser did in "${context.task.name}" (last ${lines.length}):\n  ${lines.join('\n  ')}\n\n`);
  });
});

import { beforeEach } from 'vitest';
import { takeBrowserActivity } from './support/browser.ts';

// Each test starts with an empty activity log; a failed test prints what its browser went through.
beforeEach((context) => {
  takeBrowserActivity();
  context.onTestFailed(() => {
    const lines = takeBrowserActivity();
    if (lines.length > 0) process.stderr.write(`\nWhat the browser did in "${context.task.name}" (last ${lines.length}):\n  ${lines.join('\n  ')}\n\n`);
  });
});

import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the web app before the e2e run so the browser always tests the current code. */
export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build;
  // the browser must get the same production build that users get.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

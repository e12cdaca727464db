import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app built for this run; the e2e servers serve it through WEB_DIST. */
    webDist: string;
  }
}

/**
 * Builds the web app before the e2e run so the browser always tests the current code. The
 * build goes to a private directory, not web/dist: a developer's running server or another
 * test run in the same tree keeps its files while this one builds.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'canhgiac-e2e-web-'));
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build;
  // the browser must get the same production build that users get.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  project.provide('webDist', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}

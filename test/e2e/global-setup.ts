import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { createDemoTemplate, type DemoTemplate } from './support/demo-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app built for this run; the e2e servers serve it through WEB_DIST. */
    webDist: string;
    /** Demo databases to copy, with and without the 90-day demo history (startServer). */
    demoTemplates: { history: DemoTemplate; plain: DemoTemplate };
  }
}

/**
 * Builds the web app before the e2e run so the browser always tests the current code. The
 * build goes to a private directory, not web/dist: a developer's running server or another
 * test run in the same tree keeps its files while this one builds. Meanwhile, the demo
 * databases that each test file's server starts from are made (support/demo-template.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'canhgiac-e2e-web-'));
  const seedEnv = { ...process.env };
  const templates = Promise.all([createDemoTemplate(seedEnv, true), createDemoTemplate(seedEnv, false)]);
  templates.catch(() => undefined);
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
    await templates.then((made) => Promise.all(made.map((m) => m.remove())), () => undefined);
    throw error;
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  let made: Awaited<typeof templates>;
  try {
    made = await templates;
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  const [history, plain] = made;
  project.provide('webDist', outDir);
  project.provide('demoTemplates', { history: history.template, plain: plain.template });
  return async () => {
    await rm(outDir, { recursive: true, force: true });
    await Promise.all(made.map((m) => m.remove()));
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { serve } from './serve.ts';

const WEB_ROOT = path.resolve('web');

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds the web app when its sources are newer than the last build. */
export async function buildWebIfNeeded(webDist: string): Promise<void> {
  const builtAt = fs.statSync(path.join(webDist, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(
    newestMtime(path.join(WEB_ROOT, 'src')),
    newestMtime(path.join(WEB_ROOT, 'index.html')),
    newestMtime(path.join(WEB_ROOT, 'vite.config.ts')),
    newestMtime(path.join(WEB_ROOT, 'public')),
  );
  if (builtAt >= sources) return;
  process.stdout.write('Building the web app…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDist } });
}

export function register(program: Command): void {
  program
    .command('start')
    .description('Build the web app if needed, then run the server with demo data (the README quick start)')
    .action(async () => {
      const { loadConfig } = await import('../../config.ts');
      // The web build and the database's start (creation, migrations, demo data) each take a few
      // seconds of one core: run them side by side.
      const webReady = buildWebIfNeeded(loadConfig().webDist);
      webReady.catch(() => undefined);
      await serve({ demo: true, webReady });
    });
}

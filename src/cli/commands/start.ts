import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { serve } from './serve.ts';

const REPOSITORY = path.resolve('.');

/**
 * Everything the web build reads, relative to the repository: the app itself and the server
 * code it bundles as it is (shared, not copied — see web/src/api/public.ts,
 * web/src/identifiers/shared.ts and the campaign editor's markdown preview, which uses the
 * server's renderer). A change to any of them makes `npm start` build again.
 */
export const WEB_BUILD_INPUTS = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'web/public',
  'src/domain/identifiers',
  'src/domain/fraud-types.ts',
  'src/domain/reports/report-fields.ts',
  'src/app/markdown.ts',
] as const;

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether the build in `webDist` is missing or older than one of its inputs under `repository`. */
export function webBuildIsStale(webDist: string, repository: string = REPOSITORY): boolean {
  const builtAt = fs.statSync(path.join(webDist, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...WEB_BUILD_INPUTS.map((input) => newestMtime(path.join(repository, input))));
  return builtAt < sources;
}

/** Builds the web app when its sources are newer than the last build. */
export async function buildWebIfNeeded(webDist: string): Promise<void> {
  if (!webBuildIsStale(webDist)) return;
  process.stdout.write('Building the web app…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(REPOSITORY, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDist } });
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

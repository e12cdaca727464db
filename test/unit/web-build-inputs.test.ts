import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WEB_BUILD_INPUTS, webBuildIsStale } from '../../src/cli/commands/start.ts';

const REPOSITORY = path.resolve(import.meta.dirname, '../..');
const SPECIFIER = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

function filesUnder(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [target];
  return fs.readdirSync(target).flatMap((entry) => filesUnder(path.join(target, entry)));
}

function isInput(file: string): boolean {
  const relative = path.relative(REPOSITORY, file).split(path.sep).join('/');
  return WEB_BUILD_INPUTS.some((input) => relative === input || relative.startsWith(`${input}/`));
}

describe('what `npm start` watches to rebuild the web app', () => {
  it('covers every file the web app imports, however far, including the server code it bundles', () => {
    const seen = new Set<string>();
    const pending = filesUnder(path.join(REPOSITORY, 'web/src')).filter((f) => /\.(ts|tsx)$/.test(f));
    const outside: string[] = [];
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!isInput(file)) outside.push(path.relative(REPOSITORY, file));
      for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const target = path.resolve(path.dirname(file), specifier!);
        if (fs.existsSync(target) && fs.statSync(target).isFile()) pending.push(target);
      }
    }
    expect(outside).toEqual([]);
    // The shared code is really followed (not a vacuous pass).
    expect([...seen].some((f) => f.endsWith(path.join('src', 'domain', 'identifiers', 'index.ts')))).toBe(true);
    expect([...seen].some((f) => f.endsWith(path.join('src', 'domain', 'reports', 'report-fields.ts')))).toBe(true);
  });

  describe('webBuildIsStale', () => {
    let repository: string;
    afterEach(() => fs.rmSync(repository, { recursive: true, force: true }));

    function repositoryWithBuild(): { dist: string; at: (seconds: number) => Date } {
      repository = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-web-inputs-'));
      const base = Date.now() / 1000 - 3600;
      const at = (seconds: number) => new Date((base + seconds) * 1000);
      for (const file of ['web/src/main.tsx', 'web/index.html', 'web/vite.config.ts', 'src/domain/identifiers/phone.ts', 'src/domain/fraud-types.ts', 'src/domain/reports/report-fields.ts', 'src/app/unrelated.ts']) {
        const full = path.join(repository, file);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, '');
      }
      for (const file of filesUnder(repository)) fs.utimesSync(file, at(0), at(0));
      for (const dir of ['web/src', 'web', 'src/domain/identifiers', 'src/domain/reports', 'src/domain', 'src/app', 'src']) fs.utimesSync(path.join(repository, dir), at(0), at(0));
      const dist = path.join(repository, 'web/dist');
      fs.mkdirSync(dist);
      fs.writeFileSync(path.join(dist, 'index.html'), '');
      fs.utimesSync(path.join(dist, 'index.html'), at(10), at(10));
      return { dist, at };
    }

    it('builds when there is no build yet', () => {
      const { dist } = repositoryWithBuild();
      fs.rmSync(path.join(dist, 'index.html'));
      expect(webBuildIsStale(dist, repository)).toBe(true);
    });

    it('keeps a build newer than every input, whatever else changed', () => {
      const { dist, at } = repositoryWithBuild();
      expect(webBuildIsStale(dist, repository)).toBe(false);
      fs.utimesSync(path.join(repository, 'src/app/unrelated.ts'), at(20), at(20));
      expect(webBuildIsStale(dist, repository)).toBe(false);
    });

    it.each(['web/src/main.tsx', 'src/domain/identifiers/phone.ts', 'src/domain/fraud-types.ts', 'src/domain/reports/report-fields.ts'])(
      'builds again after a change to %s',
      (file) => {
        const { dist, at } = repositoryWithBuild();
        fs.utimesSync(path.join(repository, file), at(20), at(20));
        expect(webBuildIsStale(dist, repository)).toBe(true);
      },
    );

    it('builds again after a new file in the shared identifier code', () => {
      const { dist } = repositoryWithBuild();
      fs.writeFileSync(path.join(repository, 'src/domain/identifiers/new-kind.ts'), '');
      expect(webBuildIsStale(dist, repository)).toBe(true);
    });
  });
});

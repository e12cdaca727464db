#!/usr/bin/env node
// `npm test`: type-checks the server and the web app, then runs every vitest project
// (unit, integration on a real database, e2e in Chromium) and ends with one plain summary
// line, `Tests: N passed, N failed, N skipped`, that CI tooling reads.
// With DATABASE_URL set, the integration tests run against that PostgreSQL server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

const where = process.env.DATABASE_URL ? `PostgreSQL (${new URL(process.env.DATABASE_URL).host})` : 'embedded PGlite';
process.stdout.write(`Running the tests on ${where}\n`);

if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0 || run('npx', ['tsc', '--noEmit', '-p', 'web/tsconfig.json']) !== 0) {
  process.stdout.write('Type check failed.\nTests: 0 passed, 1 failed\n');
  process.exit(1);
}

fs.mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
fs.rmSync(report, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

let summary = null;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  // A file that fails to load fails no test of its own: count it then, so the line never says 0 failed.
  const failedFiles = r.numFailedTests === 0 ? (r.numFailedTestSuites ?? 0) : 0;
  summary = { passed: r.numPassedTests, failed: r.numFailedTests + failedFiles, skipped: r.numPendingTests + r.numTodoTests };
  // Browser tests are retried once on CI (vitest.config.ts); one that needed it is named here.
  const flaky = r.testResults.flatMap((f) =>
    f.assertionResults.filter((t) => t.status === 'passed' && t.meta?.failedAttempts > 0).map((t) => `${f.name.replace(`${process.cwd()}/`, '')} › ${t.fullName}`),
  );
  if (flaky.length > 0) process.stdout.write(`\nPassed only when tried again (flaky, see the browser log above):\n  ${flaky.join('\n  ')}\n`);
} catch {
  // No report: vitest itself failed before running tests; its own output says why.
}
if (summary) process.stdout.write(`\nTests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
else process.stdout.write('\nTests: 0 passed, 1 failed\n');
process.exit(status === 0 && summary && summary.failed === 0 && summary.passed > 0 ? 0 : 1);

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { DemoRole, DemoUser } from './demo-credentials.ts';
import { TEST_PII_KEY } from './demo-template.ts';
import { freePort } from './free-port.ts';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Generous: on a loaded CI machine, migrating and seeding a new database can take a while.
const START_TIMEOUT_MS = 120_000;
const READY_LINE = /Canh Giác is running at (http:\/\/\S+)/;

export interface RunningServer {
  url: string;
  users: Record<DemoRole, DemoUser>;
  /** Everything the server has printed so far, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`The server did not say it was running within ${START_TIMEOUT_MS / 1000} s. Output:\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const match = READY_LINE.exec(output());
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`The server exited before it was ready (code ${code}, signal ${signal}). Output:\n${output()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts `canhgiac serve` on a free port, on a new copy of the run's demo database (a PGlite
 * directory, or a PostgreSQL database when DATABASE_URL is set, made by global-setup) and
 * the web app that global-setup built, and waits until it is ready. The demo users are the
 * template's: the server prints no passwords for a database that already has data.
 * `demoHistory: false` starts from the demo without its 90-day history (a one-case queue);
 * `env` gives the server more settings.
 */
export async function startServer(options: { demoHistory?: boolean; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const templates = inject('demoTemplates');
  const template = options.demoHistory === false ? templates.plain : templates.history;
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'canhgiac-e2e-'));
  const baseDatabaseUrl = process.env['DATABASE_URL'];
  let scratch: ScratchDatabase | null = null;
  if (baseDatabaseUrl && template.databaseName) scratch = await createScratchDatabase(baseDatabaseUrl, 'canhgiac_e2e', template.databaseName);
  else if (template.dataDir) await cp(template.dataDir, dataDir, { recursive: true });

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: inject('webDist') };
  // The server prints and links its PUBLIC_URL; a developer's own setting would point elsewhere.
  delete env['PUBLIC_URL'];
  env['PII_ENCRYPTION_KEY'] ??= TEST_PII_KEY;
  Object.assign(env, options.env);
  if (scratch) env['DATABASE_URL'] = scratch.url;

  const child = spawn(process.execPath, ['bin/canhgiac.mjs', 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let captured = '';
  const append = (chunk: Buffer) => {
    captured += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => captured;

  const cleanUp = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  };

  let url: string;
  try {
    url = await waitForReady(child, output);
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const users = template.users;
  // The printed address says "localhost" with the port; use it as printed.
  return { url: url.replace(/\/$/, ''), users, output, stop: cleanUp };
}

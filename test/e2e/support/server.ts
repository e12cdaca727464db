import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { DEMO_ROLES, parseDemoCredentials, type DemoRole, type DemoUser } from './demo-credentials.ts';
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
 * Starts `canhgiac serve` on a free port with a new database (a temporary PGlite directory,
 * or a scratch PostgreSQL database when DATABASE_URL is set) and the web app that
 * global-setup built, waits until it is ready and reads the demo users' passwords from
 * what it prints.
 */
/** `env`: more settings for this server (e.g. `DEMO_HISTORY: 'false'` for a nearly empty queue). */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'canhgiac-e2e-'));
  const baseDatabaseUrl = process.env['DATABASE_URL'];
  const scratch: ScratchDatabase | null = baseDatabaseUrl ? await createScratchDatabase(baseDatabaseUrl) : null;

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: inject('webDist') };
  // The server prints and links its PUBLIC_URL; a developer's own setting would point elsewhere.
  delete env['PUBLIC_URL'];
  // Required with DATABASE_URL; a fixed test key (never a real one).
  env['PII_ENCRYPTION_KEY'] ??= Buffer.alloc(32, 7).toString('base64');
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

  const parsed = parseDemoCredentials(output());
  const missing = DEMO_ROLES.filter((role) => !parsed.has(role));
  if (missing.length > 0) {
    await cleanUp();
    throw new Error(`The server printed no demo credentials for: ${missing.join(', ')}. Output:\n${output()}`);
  }
  const users = Object.fromEntries(parsed) as Record<DemoRole, DemoUser>;
  // The printed address says "localhost" with the port; use it as printed.
  return { url: url.replace(/\/$/, ''), users, output, stop: cleanUp };
}

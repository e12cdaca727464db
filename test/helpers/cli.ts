import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/store/connection.ts';
import { freshPostgresUrl } from './database.ts';

/** The repository root and the real `canhgiac` entry point that `npx canhgiac` runs. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'bin', 'canhgiac.mjs');

export function cliEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  // Every variable loadConfig reads is dropped from the inherited environment, so a test sets exactly what it means.
  for (const key of CONFIG_VARIABLES) delete env[key];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `canhgiac <args>` to completion in a real child process. */
export function runCli(args: string[], env: Record<string, string | undefined>, timeoutMs = 50_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`canhgiac ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The reporters' data key of spawned test servers (32 bytes, base64). Never a real key. */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');

/** Spawns `canhgiac serve` and waits for its "is running at" banner. */
export async function spawnServer(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    // A fixed PII key: required with DATABASE_URL (the embedded mode would make its own).
    env: cliEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PII_ENCRYPTION_KEY: TEST_PII_KEY, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      if (output.includes('Canh Giác is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before it was ready:\n${output}`));
    });
  });
  return { child, pid: child.pid!, port, output: () => output, exited };
}

/**
 * Where a spawned CLI keeps its data: a new temporary DATA_DIR (embedded PGlite), or a new
 * database on the PostgreSQL server at DATABASE_URL. `open` gives the test process its own
 * handle on the same data (on PGlite only while no CLI process holds the directory).
 */
export interface CliTarget {
  env: Record<string, string>;
  driver: 'pglite' | 'postgres';
  dataDir: string;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

export async function freshCliTarget(): Promise<CliTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canhgiac-test-'));
  const pgDatabase = await freshPostgresUrl();
  if (pgDatabase) {
    return {
      env: { DATABASE_URL: pgDatabase.url, DATA_DIR: dataDir },
      driver: 'postgres',
      dataDir,
      open: () => openDatabase({ databaseUrl: pgDatabase.url, poolSize: 2 }),
      cleanup: async () => {
        await pgDatabase.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return {
    env: { DATA_DIR: dataDir },
    driver: 'pglite',
    dataDir,
    open: () => openDatabase({ dataDir, purpose: 'test' }),
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

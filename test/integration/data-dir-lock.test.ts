import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/store/connection.ts';
import { DataDirLockedError, lockDataDir, type LockHolder } from '../../src/store/data-dir-lock.ts';
import { ROOT, runCli, spawnServer, type ServerProcess } from '../helpers/cli.ts';

const LOCK_MODULE = path.join(ROOT, 'src', 'store', 'data-dir-lock.ts');
// Each of these starts real server processes on PGlite, whose first start creates the cluster
// (initdb in WebAssembly): 10–30 s on a busy 2-core machine.
const PROCESS_TEST_TIMEOUT = 150_000;

function readLock(dataDir: string): LockHolder | null {
  const file = path.join(dataDir, 'canhgiac.lock');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder) : null;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'canhgiac-lock-'));
}

/** The admin password from the banner a new server prints once. */
function adminPassword(banner: string): string {
  const match = /Sign in as admin: admin@canhgiac\.example \/ (\S+)/.exec(banner);
  if (!match) throw new Error(`no admin password in the banner:\n${banner}`);
  return match[1]!;
}

async function signIn(port: number, password: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@canhgiac.example', password }),
  });
  return res.status;
}

function auditCount(stdout: string): number {
  const match = /^OK: (\d+) audit records/.exec(stdout);
  if (!match) throw new Error(`not an OK from audit verify: ${stdout}`);
  return Number(match[1]);
}

async function stop(server: ServerProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}

// The lock exists only for the embedded PGlite, which has no lock between processes of its own.
// With DATABASE_URL the PostgreSQL server arbitrates between any number of processes and no
// data directory is opened, so there is nothing to lock and these process tests do not apply.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the data directory lock with real processes (embedded PGlite)', () => {
  let dataDir: string;
  let password: string;
  let records: number;
  const servers: ServerProcess[] = [];

  beforeAll(() => {
    dataDir = tempDir();
  });
  afterAll(async () => {
    for (const s of servers) await stop(s, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process while the server runs, with exit 3 and one line naming the directory and the holder', async () => {
    const server = await spawnServer({ DATA_DIR: dataDir });
    servers.push(server);
    password = adminPassword(server.output());

    const holder = readLock(dataDir);
    expect(holder).toMatchObject({ pid: server.pid, host: os.hostname(), purpose: 'server' });

    const second = await runCli(
      ['user', 'add', '--org', 'canhgiac', '--email', 'x@test.example', '--name', 'X', '--role', 'analyst'],
      { DATA_DIR: dataDir },
    );
    expect(second.code).toBe(3);
    expect(second.stdout).toBe('');
    const lines = second.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^canhgiac: The data directory /);
    expect(lines[0]).toContain(dataDir);
    expect(lines[0]).toContain(`pid ${server.pid}`);
    expect(lines[0]).toContain('DATABASE_URL');

    // A read-only command is refused too: PGlite cannot even read a directory another process writes.
    const reader = await runCli(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(reader.code).toBe(3);
    expect(reader.stderr).toContain(`pid ${server.pid}`);

    // The refused process changed nothing and the server still owns the lock and still works.
    expect(readLock(dataDir)?.pid).toBe(server.pid);
    expect(await signIn(server.port, password)).toBe(200);

    const ended = await stop(server, 'SIGTERM');
    expect(ended).toEqual({ code: 0, signal: null });
    expect(readLock(dataDir)).toBeNull();

    // After the server stopped, the same command works (the e-mail is free: the refused run wrote
    // nothing), and the server's data is there: the audit chain is intact and ends with the
    // sign-in made through the server and then this user.
    const added = await runCli(
      ['user', 'add', '--org', 'canhgiac', '--email', 'x@test.example', '--name', 'X', '--role', 'analyst'],
      { DATA_DIR: dataDir },
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('User added: x@test.example (analyst at canhgiac)');
    const audit = await runCli(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(audit.code).toBe(0);
    records = auditCount(audit.stdout);
    const database = await openDatabase({ dataDir, purpose: 'test' });
    try {
      const last = await queryRows<{ action: string }>(database.db, sql`select action from audit_log order by seq desc limit 2`);
      expect(last.map((r) => r.action)).toEqual(['user.created', 'auth.signed_in']);
      const users = await queryRows<{ email: string }>(database.db, sql`select email from users order by email`);
      expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(['admin@canhgiac.example', 'x@test.example']));
    } finally {
      await database.close();
    }
    expect(readLock(dataDir)).toBeNull();
  }, PROCESS_TEST_TIMEOUT);

  it('after SIGKILL of the server the stale lock does not block the next start, and no data is lost', async () => {
    const killed = await spawnServer({ DATA_DIR: dataDir });
    servers.push(killed);
    // Not a new database: no demo data, no passwords printed.
    expect(killed.output()).not.toContain('Sign in as admin');
    expect(await signIn(killed.port, password)).toBe(200);
    expect(await stop(killed, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    // kill -9 runs no exit handler: the lock file stays behind, naming a dead process.
    expect(readLock(dataDir)?.pid).toBe(killed.pid);

    const next = await spawnServer({ DATA_DIR: dataDir });
    servers.push(next);
    expect(readLock(dataDir)?.pid).toBe(next.pid);
    expect(await signIn(next.port, password)).toBe(200);
    expect(await stop(next, 'SIGTERM')).toEqual({ code: 0, signal: null });

    // Both sign-ins are there, the one the killed server acknowledged included (each writes an audit record).
    const audit = await runCli(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(audit.code).toBe(0);
    expect(auditCount(audit.stdout)).toBe(records + 2);
  }, PROCESS_TEST_TIMEOUT);
});

/**
 * Runs lockDataDir in a child process. `try` takes the lock and releases it at once;
 * `hold` takes it, prints "locked" and keeps it until killed or until stdin closes.
 */
function lockInChild(mode: 'try' | 'hold', dataDir: string) {
  const script = `
    const { lockDataDir } = await import(process.argv[1]);
    try {
      const lock = lockDataDir(process.argv[2], 'child ${mode}');
      if (process.argv[3] === 'hold') {
        console.log('locked');
        process.stdin.resume();
        process.stdin.on('end', () => process.exit(0));
      } else {
        console.log(JSON.stringify({ ok: true }));
        lock.release();
      }
    } catch (error) {
      console.log(JSON.stringify({ ok: false, name: error.name, message: error.message, holder: error.holder }));
    }`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, LOCK_MODULE, dataDir, mode], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

async function tryLockInChild(dataDir: string): Promise<{ ok: boolean; name?: string; message?: string; holder?: LockHolder }> {
  const child = lockInChild('try', dataDir);
  child.stdin!.end();
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  await new Promise((resolve) => child.on('close', resolve));
  return JSON.parse(out.trim());
}

async function holdInChild(dataDir: string) {
  const child = lockInChild('hold', dataDir);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => d.includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`the holding child exited early (${code})`)));
  });
  return { child, exited };
}

describe('lockDataDir', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a lock held here makes another process fail with DataDirLockedError naming this pid; released, it works', async () => {
    const dataDir = dir();
    const lock = lockDataDir(dataDir, 'test holder');
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, purpose: 'test holder' });

    const refused = await tryLockInChild(dataDir);
    expect(refused.ok).toBe(false);
    expect(refused.name).toBe('DataDirLockedError');
    expect(refused.holder).toMatchObject({ pid: process.pid, purpose: 'test holder' });
    expect(refused.message).toContain(dataDir);
    expect(refused.message).toContain(`pid ${process.pid}`);
    expect(refused.message).not.toContain('\n');

    lock.release();
    expect(readLock(dataDir)).toBeNull();
    expect(await tryLockInChild(dataDir)).toEqual({ ok: true });
    // The child released its lock too.
    expect(readLock(dataDir)).toBeNull();
  });

  it('a lock held by another process refuses this one until that process exits', async () => {
    const dataDir = dir();
    const { child, exited } = await holdInChild(dataDir);
    try {
      let caught: unknown;
      try {
        lockDataDir(dataDir, 'test');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataDirLockedError);
      expect((caught as DataDirLockedError).holder.pid).toBe(child.pid);
      expect((caught as DataDirLockedError).dataDir).toBe(dataDir);
    } finally {
      child.stdin!.end(); // a normal exit: the exit handler removes the lock file
      await exited;
    }
    expect(readLock(dataDir)).toBeNull();
    const lock = lockDataDir(dataDir, 'test');
    lock.release();
  });

  it('takes over the lock of a process that was killed with SIGKILL', async () => {
    const dataDir = dir();
    const { child, exited } = await holdInChild(dataDir);
    child.kill('SIGKILL');
    await exited;
    expect(readLock(dataDir)?.pid).toBe(child.pid);

    const lock = lockDataDir(dataDir, 'successor');
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, purpose: 'successor' });
    lock.release();
  });

  it('takes over an unreadable lock file (a crash while it was written)', () => {
    const dataDir = dir();
    fs.writeFileSync(path.join(dataDir, 'canhgiac.lock'), '{"pid": 12');
    const lock = lockDataDir(dataDir, 'after crash');
    expect(readLock(dataDir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a second lock on the same directory within one process', () => {
    // Two PGlite instances in one process lose writes just like two processes do.
    const dataDir = dir();
    const first = lockDataDir(dataDir, 'first');
    try {
      expect(() => lockDataDir(dataDir, 'second')).toThrow(DataDirLockedError);
      // The refused attempt did not take the lock away from the first holder.
      expect(readLock(dataDir)).toMatchObject({ pid: process.pid, purpose: 'first' });
    } finally {
      first.release();
    }
    expect(readLock(dataDir)).toBeNull();
    lockDataDir(dataDir, 'third').release();
  });

  it('takes over a lock left by an earlier process that had this same pid (pid 1 in a container)', () => {
    const dataDir = dir();
    const stale: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z', purpose: 'server' };
    fs.writeFileSync(path.join(dataDir, 'canhgiac.lock'), JSON.stringify(stale));
    const lock = lockDataDir(dataDir, 'restarted');
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, purpose: 'restarted' });
    lock.release();
    expect(readLock(dataDir)).toBeNull();
  });

  it('release is idempotent and does not remove a lock that another holder has taken since', () => {
    const dataDir = dir();
    const lock = lockDataDir(dataDir, 'test');
    lock.release();
    const other: LockHolder = { pid: 999_999_999, host: 'elsewhere', startedAt: new Date().toISOString(), purpose: 'other host' };
    fs.writeFileSync(path.join(dataDir, 'canhgiac.lock'), JSON.stringify(other));
    lock.release();
    expect(readLock(dataDir)).toEqual(other);
    // A holder on another host cannot be checked for liveness, so it is respected.
    expect(() => lockDataDir(dataDir, 'test')).toThrow(/pid 999999999 on elsewhere/);
  });
});

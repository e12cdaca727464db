import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the embedded database's data directory.
 *
 * PGlite has no lock between processes: two processes opening one directory silently lose
 * writes. The lock file records the holder's pid and host; a second opener sees a live holder
 * and stops with a clear message. Written by hand because the lockfile libraries judge
 * staleness by mtime, which would make a restart after `kill -9` wait for a timeout, while a
 * pid check on the same host is exact.
 */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  purpose: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Canh Giác process ` +
        `(pid ${holder.pid} on ${holder.host}, ${holder.purpose}, since ${holder.startedAt}). ` +
        `The embedded database allows one process at a time: stop that process first, ` +
        `use its HTTP API instead, or set DATABASE_URL to a PostgreSQL server.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/**
 * Lock files this process holds. A lock file naming our own pid is ours only if it is in here;
 * otherwise it was left by an earlier process that had the same pid (pid 1 in a container).
 */
const heldByThisProcess = new Set<string>();

export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, 'canhgiac.lock');
  const me: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), purpose };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(me));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      heldByThisProcess.add(file);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      const ours = holder?.pid === process.pid && holder.host === me.host;
      // Two PGlite instances in one process lose writes just as two processes do.
      if (holder && (ours ? heldByThisProcess.has(file) : holder.host !== me.host || isAlive(holder.pid))) {
        throw new DataDirLockedError(dataDir, holder);
      }
      // A stale lock left by a process that died (or an unreadable one): take it over.
      fs.rmSync(file, { force: true });
      if (attempt === 1) throw error;
    }
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    heldByThisProcess.delete(file);
    const holder = readHolder(file);
    if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

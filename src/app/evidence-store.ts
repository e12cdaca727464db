import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where evidence bytes live, addressed by their sha256 (hex). Local disk today; S3-like later. */
export interface EvidenceStore {
  /** Stores the bytes (once: storing the same bytes again is a no-op) and returns their sha256. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer | null>;
  exists(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Files under `dir/ab/cd/<sha256>`, written atomically: a temp file in the same directory,
 * fsync, rename, fsync of the directory, so a crash leaves either no file or the whole file,
 * never a torn one under a valid name. Files are written before the report's transaction
 * commits; a failed transaction leaves an unreferenced file behind, which is harmless (content
 * addressed, reused by the next upload of the same bytes) and can be swept by age.
 */
export class LocalEvidenceStore implements EvidenceStore {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('Not a sha256');
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return sha256;
    const folder = path.dirname(target);
    await fs.mkdir(folder, { recursive: true });
    const temp = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    const dirHandle = await fs.open(folder, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ROLES, parseDemoCredentials, type DemoRole, type DemoUser } from './demo-credentials.ts';
import { createScratchDatabase } from './scratch-database.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A fixed test key (never a real one); required with DATABASE_URL, and the same for a template and its copies. */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * A database with the demo data, made once per e2e run by `canhgiac seed --demo`; each test
 * file's server starts on a copy of it (a copied PGlite directory, or a PostgreSQL database
 * created from it as a template), which saves the migrations and the seeding per file.
 */
export interface DemoTemplate {
  /** PGlite: the data directory to copy. */
  dataDir?: string;
  /** PostgreSQL: the database to create copies from. */
  databaseName?: string;
  users: Record<DemoRole, DemoUser>;
}

export async function createDemoTemplate(env: NodeJS.ProcessEnv, history: boolean): Promise<{ template: DemoTemplate; remove(): Promise<void> }> {
  const baseUrl = env['DATABASE_URL'];
  const scratch = baseUrl ? await createScratchDatabase(baseUrl, 'canhgiac_e2e_template') : null;
  const dataDir = await mkdtemp(join(tmpdir(), 'canhgiac-e2e-template-'));
  const remove = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  };
  try {
    const output = await runSeed({
      ...env,
      DATA_DIR: dataDir,
      DEMO_HISTORY: String(history),
      PII_ENCRYPTION_KEY: env['PII_ENCRYPTION_KEY'] ?? TEST_PII_KEY,
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    });
    const parsed = parseDemoCredentials(output);
    const missing = DEMO_ROLES.filter((role) => !parsed.has(role));
    if (missing.length > 0) throw new Error(`'canhgiac seed --demo' printed no demo credentials for: ${missing.join(', ')}. Output:\n${output}`);
    const users = Object.fromEntries(parsed) as Record<DemoRole, DemoUser>;
    return { template: scratch ? { databaseName: scratch.name, users } : { dataDir, users }, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

function runSeed(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/canhgiac.mjs', 'seed', '--demo'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`'canhgiac seed --demo' exited with ${code}. Output:\n${output}`))));
  });
}

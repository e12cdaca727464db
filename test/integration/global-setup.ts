import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../../src/store/connection.ts';

/**
 * Creating and migrating an embedded PostgreSQL takes seconds; every integration test file
 * needs a fresh one. So this builds one migrated database per run and dumps it; each test file
 * loads a copy (`freshDatabase`), which is several times faster. Built anew every run, so it
 * always has the current migrations.
 */
export const TEMPLATE_PATH = path.resolve('test-results/pglite-template.tar.gz');

export default async function setup(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => undefined;
  const database = await openDatabase({ dataDir: null });
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  await database.close();
  fs.mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  fs.writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  return () => fs.rmSync(TEMPLATE_PATH, { force: true });
}

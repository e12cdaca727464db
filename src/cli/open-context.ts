import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import { migrateDatabase, openDatabase } from '../store/connection.ts';
import { CliError } from './cli-error.ts';

/**
 * The composition root for every command: validated configuration, the database (migrated),
 * and a logger. Configuration and lock problems become one-line CLI errors.
 */
export async function openContext(purpose: string, options: { logLevel?: string } = {}): Promise<AppContext> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
  const logger = pino({ level: options.logLevel ?? config.logLevel, base: { pid: process.pid } });
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new CliError(error.message, 3);
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot open the database (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}): ${message}`);
  }
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw new CliError(`Migrations failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { config, database, logger };
}

/** Runs `fn` with a context and always closes the database afterwards. */
export async function withContext<T>(purpose: string, fn: (context: AppContext) => Promise<T>): Promise<T> {
  const context = await openContext(purpose, { logLevel: 'warn' });
  try {
    return await fn(context);
  } finally {
    await context.database.close();
  }
}

import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './store/connection.ts';

/**
 * The composition root's product: what every entry point (server, jobs, CLI) hands to the use
 * cases. Use cases take `database.db` (or a transaction) explicitly, so any of them can run
 * inside another's transaction.
 */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
}

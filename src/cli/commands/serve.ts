import type { Command } from 'commander';
import type { DemoCredential } from '../../app/seed.ts';
import { CliError } from '../cli-error.ts';

export interface ServeOptions {
  demo: boolean;
  /** Work to wait for before the HTTP server is built (`start` builds the web app meanwhile). */
  webReady?: Promise<void>;
}

/** Starts the API, the web app and the background workers, and prints where to open them. */
export async function serve(options: ServeOptions): Promise<void> {
  const started = Date.now();
  // Loaded here, not at the top, so other commands do not pay for the server's modules. The
  // database starts (on a new embedded one that takes seconds) while they load.
  const opening = import('../open-context.ts').then(({ openContext }) => openContext('server'));
  opening.catch(() => undefined);
  const [{ seedDemo }, { buildServer }, { outboxHandlers, outboxBatchHandlers }, { OutboxWorker }, { IndexFollower }, { ExpiryTicker }, { DeadlineTicker }] = await Promise.all([
    import('../../app/seed.ts'),
    import('../../http/server.ts'),
    import('../../jobs/outbox-handlers.ts'),
    import('../../jobs/outbox-worker.ts'),
    import('../../jobs/index-follower.ts'),
    import('../../jobs/expiry-ticker.ts'),
    import('../../jobs/deadline-ticker.ts'),
  ]);
  const context = await opening;
  const { config, database, logger } = context;
  const credentials = options.demo ? await seedDemo(database.db, { history: config.demoHistory }) : null;
  // New or changed awareness articles of the repository (content/articles); console edits are kept.
  logger.info(await (await import('../../app/content-import.ts')).importArticles(database.db), 'awareness articles imported');
  await options.webReady;
  const app = await buildServer(context);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${config.port} is already in use: stop the other program or set PORT.`);
    throw error;
  }
  // E-mail through SMTP when SMTP_URL is set, to the log otherwise; nodemailer loads only then.
  const mailer = config.smtpUrl ? (await import('../../jobs/smtp-mailer.ts')).smtpMailer(config.smtpUrl, config.smtpFrom) : undefined;
  const worker = new OutboxWorker(database.db, {
    handlers: outboxHandlers(logger, { mailer, db: database.db }),
    batchHandlers: outboxBatchHandlers(logger, { db: database.db }),
    logger,
  });
  worker.start();
  // Webhooks: queued deliveries sent in order per subscription, with retries.
  const webhooks = new (await import('../../jobs/webhook-dispatcher.ts')).WebhookDispatcher(database.db, { settings: config.webhooks, logger });
  webhooks.start();
  // Escalation deadlines: due-soon reminders and breaches, once each across nodes.
  const deadlines = new DeadlineTicker(database.db, logger);
  deadlines.start();
  const expiry = new ExpiryTicker(database.db, config.indicators, logger);
  expiry.start();
  // Keeps this node's look-up index current with changes made through any node.
  const follower = new IndexFollower(database.db, app.lookupIndex, { logger });
  await follower.startFrom(app.lookupIndex.version);
  follower.start();

  printBanner(config.publicUrl, database.location, credentials, Date.now() - started);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await worker.stop();
    await webhooks.stop();
    await deadlines.stop();
    await expiry.stop();
    await follower.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function printBanner(url: string, location: string, credentials: DemoCredential[] | null, elapsedMs: number): void {
  const lines = [''];
  if (credentials) {
    lines.push('A new database: demo data was created. Demo accounts (the passwords are shown only this once):');
    for (const c of credentials) lines.push(`  Sign in as ${c.role}: ${c.email} / ${c.password}`);
  } else {
    lines.push('Sign in with an account of this database. Forgot a demo password? Stop the server and run:');
    lines.push('  npx canhgiac user reset-password admin@canhgiac.example');
  }
  lines.push(
    '',
    `Canh Giác is running at ${url}  (started in ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  Web app:        ${url}/  (sign in at ${url}/sign-in)`,
    `  API reference:  ${url}/docs`,
    `  Database:       ${location}`,
    '  Stop with Ctrl+C.',
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the server: API, web app and background workers (migrates the database first)')
    .option('--no-demo', 'do not create demo data in a new, empty database')
    .action(async (options: ServeOptions) => serve(options));
}

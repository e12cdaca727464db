import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function register(program: Command): void {
  program
    .command('seed')
    .description('Create demo data in a new, empty database')
    .requiredOption('--demo', 'the demo organizations, one user per role, and a few reports and indicators')
    .action(async () => {
      const { withContext } = await import('../open-context.ts');
      const { seedDemo } = await import('../../app/seed.ts');
      await withContext('cli seed', async ({ config, database }) => {
        const credentials = await seedDemo(database.db, { history: config.demoHistory });
        if (!credentials) throw new CliError('The database already has data; demo data goes only into an empty one.');
        process.stdout.write('Demo data created. Demo accounts (the passwords are shown only this once):\n');
        for (const c of credentials) process.stdout.write(`  Sign in as ${c.role}: ${c.email} / ${c.password}\n`);
      });
    });
}

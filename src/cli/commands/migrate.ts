import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('Apply the database migrations (the server also does this when it starts)')
    .action(async () => {
      const { withContext } = await import('../open-context.ts');
      await withContext('cli migrate', async ({ database }) => {
        process.stdout.write(`Migrations applied: ${database.location} is up to date.\n`);
      });
    });
}

import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function register(program: Command): void {
  program
    .command('check')
    .description("Check that every row the intake's link tables point at exists (they keep no foreign keys); exit 1 if one is missing")
    .action(async () => {
      const { withContext } = await import('../open-context.ts');
      const { checkLinks } = await import('../../app/link-check.ts');
      await withContext('cli check', async ({ database }) => {
        const { columns, missing } = await checkLinks(database.db);
        if (missing.length > 0) {
          throw new CliError(`MISSING: ${missing.map((c) => `${c.rows} ${c.table} rows name a ${c.parent} row that is not there (${c.column})`).join('; ')}.`);
        }
        process.stdout.write(`OK: ${columns} link columns checked, every row they name is there\n`);
      });
    });
}

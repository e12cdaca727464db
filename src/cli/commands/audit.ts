import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit trail');
  audit
    .command('verify')
    .description('Check every audit record against the hash chain; exit 1 at the first tampered record')
    .action(async () => {
      const { withContext } = await import('../open-context.ts');
      const { verifyAuditChain } = await import('../../app/audit.ts');
      await withContext('cli audit verify', async ({ database }) => {
        const result = await verifyAuditChain(database.db);
        if (!result.ok) throw new CliError(`TAMPERED: audit record ${result.seq}: ${result.reason}.`);
        process.stdout.write(`OK: ${result.records} audit records, chain head ${result.headHash}\n`);
      });
    });
}

import Table from 'cli-table3';
import type { Command } from 'commander';
import { createOrganization, listOrganizations } from '../../app/accounts.ts';
import { systemCaller } from '../../app/caller.ts';
import { ORGANIZATION_KINDS } from '../../domain/auth/roles.ts';
import { asCliError } from '../app-error-message.ts';
import { withContext } from '../open-context.ts';

export function register(program: Command): void {
  const org = program.command('org').description('Manage organizations');
  org
    .command('add')
    .description('Add an organization')
    .requiredOption('--slug <slug>', 'short unique name, e.g. nganhang-a')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--kind <kind>', `one of ${ORGANIZATION_KINDS.join(', ')}`)
    .option('--platform <platform>', 'for a platform: which one it answers for, e.g. facebook')
    .action(async (options: { slug: string; name: string; kind: string; platform?: string }) => {
      await withContext('cli org add', async ({ database }) => {
        const created = await createOrganization(database.db, systemCaller('cli'), options).catch((e: unknown) => {
          throw asCliError(e);
        });
        process.stdout.write(`Organization added: ${created.slug} (${created.kind}) id ${created.id}\n`);
      });
    });
  org
    .command('list')
    .description('List organizations')
    .action(async () => {
      await withContext('cli org list', async ({ database }) => {
        const table = new Table({ head: ['slug', 'name', 'kind', 'platform', 'id'] });
        for (const o of await listOrganizations(database.db)) table.push([o.slug, o.name, o.kind, o.platform ?? '', o.id]);
        process.stdout.write(`${table.toString()}\n`);
      });
    });
}

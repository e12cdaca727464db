import type { Command } from 'commander';
import { ORGANIZATION_KINDS } from '../../domain/auth/roles.ts';

/** Loaded only when a command runs, so `--help` and other commands start fast. */
async function loadAdmin() {
  const [{ withContext }, { createOrganization, listOrganizations }, { systemCaller }, { asCliError }, { default: Table }] = await Promise.all([
    import('../open-context.ts'),
    import('../../app/accounts.ts'),
    import('../../app/caller.ts'),
    import('../app-error-message.ts'),
    import('cli-table3'),
  ]);
  return { withContext, createOrganization, listOrganizations, systemCaller, asCliError, Table };
}

export function register(program: Command): void {
  const org = program.command('org').description('Manage organizations');
  org
    .command('add')
    .description('Add an organization')
    .requiredOption('--slug <slug>', 'short unique name, e.g. nganhang-a')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--kind <kind>', `one of ${ORGANIZATION_KINDS.join(', ')}`)
    .option('--platform <platform>', 'for a platform: which one it answers for, e.g. facebook')
    .option('--network <network>', 'for a telco: its mobile network, e.g. viettel (routes webhooks about its numbers)')
    .action(async (options: { slug: string; name: string; kind: string; platform?: string; network?: string }) => {
      const { withContext, createOrganization, systemCaller, asCliError } = await loadAdmin();
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
      const { withContext, listOrganizations, Table } = await loadAdmin();
      await withContext('cli org list', async ({ database }) => {
        const table = new Table({ head: ['slug', 'name', 'kind', 'platform', 'id'], style: { head: [], border: [] } });
        for (const o of await listOrganizations(database.db)) table.push([o.slug, o.name, o.kind, o.platform ?? '', o.id]);
        process.stdout.write(`${table.toString()}\n`);
      });
    });
}

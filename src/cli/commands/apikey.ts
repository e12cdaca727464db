import type { Command } from 'commander';
import { SCOPES } from '../../domain/auth/access.ts';
import { CliError } from '../cli-error.ts';

/** Loaded only when a command runs, so `--help` and other commands start fast. */
async function loadAdmin() {
  const [{ withContext }, keys, { systemCaller }, { asCliError }, { organizationBySlug }, { listOrganizations }, { default: Table }] =
    await Promise.all([
      import('../open-context.ts'),
      import('../../app/api-keys.ts'),
      import('../../app/caller.ts'),
      import('../app-error-message.ts'),
      import('../find-organization.ts'),
      import('../../store/organizations.ts'),
      import('cli-table3'),
    ]);
  return { withContext, ...keys, systemCaller, asCliError, organizationBySlug, listOrganizations, Table };
}

export function register(program: Command): void {
  const apikey = program.command('apikey').description("Manage organizations' API keys");
  apikey
    .command('create')
    .description('Create an API key; prints the key once')
    .requiredOption('--org <slug>', 'the organization that owns the key')
    .requiredOption('--name <name>', 'what the key is for, e.g. "fraud engine"')
    .requiredOption('--scopes <list>', `comma-separated: ${SCOPES.join(', ')}`)
    .option('--expires-in-days <days>', 'expire the key after this many days')
    .action(async (options: { org: string; name: string; scopes: string; expiresInDays?: string }) => {
      let expiresAt: Date | null = null;
      if (options.expiresInDays !== undefined) {
        const days = Number(options.expiresInDays);
        if (!Number.isInteger(days) || days < 1) throw new CliError('--expires-in-days must be a whole number of days, at least 1.');
        expiresAt = new Date(Date.now() + days * 86_400_000);
      }
      const { withContext, createApiKey, systemCaller, asCliError, organizationBySlug } = await loadAdmin();
      await withContext('cli apikey create', async ({ database }) => {
        const organization = await organizationBySlug(database.db, options.org);
        const scopes = options.scopes.split(',').map((s) => s.trim()).filter(Boolean);
        const { apiKey, key } = await createApiKey(database.db, systemCaller('cli'), {
          organizationId: organization.id,
          name: options.name,
          scopes,
          expiresAt,
        }).catch((e: unknown) => {
          throw asCliError(e);
        });
        process.stdout.write(`API key created for ${organization.slug}: ${apiKey.name} [${apiKey.scopes.join(', ')}] id ${apiKey.id}\n`);
        process.stdout.write(`Key (shown once, store it now): ${key}\n`);
      });
    });
  apikey
    .command('list')
    .description('List API keys (never the keys themselves)')
    .option('--org <slug>', 'only this organization\'s keys')
    .action(async (options: { org?: string }) => {
      const { withContext, listApiKeys, listOrganizations, systemCaller, organizationBySlug, Table } = await loadAdmin();
      await withContext('cli apikey list', async ({ database }) => {
        const organizationId = options.org ? (await organizationBySlug(database.db, options.org)).id : undefined;
        const slugs = new Map((await listOrganizations(database.db)).map((o) => [o.id, o.slug]));
        const table = new Table({ head: ['prefix', 'organization', 'name', 'scopes', 'status', 'last used', 'id'], style: { head: [], border: [] } });
        for (const k of await listApiKeys(database.db, systemCaller('cli'), organizationId)) {
          const status = k.revokedAt ? 'revoked' : k.expiresAt && new Date(k.expiresAt) <= new Date() ? 'expired' : 'active';
          table.push([k.prefix, slugs.get(k.organizationId) ?? k.organizationId, k.name, k.scopes.join(','), status, k.lastUsedAt ?? 'never', k.id]);
        }
        process.stdout.write(`${table.toString()}\n`);
      });
    });
  apikey
    .command('revoke')
    .description('Revoke an API key at once')
    .argument('<id-or-prefix>', 'the key\'s id, or the 8 characters after cg_')
    .action(async (idOrPrefix: string) => {
      const { withContext, revokeApiKey, systemCaller, asCliError } = await loadAdmin();
      await withContext('cli apikey revoke', async ({ database }) => {
        const revoked = await revokeApiKey(database.db, systemCaller('cli'), idOrPrefix).catch((e: unknown) => {
          throw asCliError(e);
        });
        process.stdout.write(`API key ${revoked.prefix} (${revoked.name}) revoked at ${revoked.revokedAt}.\n`);
      });
    });
}

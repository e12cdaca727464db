import type { Command } from 'commander';
import { ROLES } from '../../domain/auth/roles.ts';

/** Loaded only when a command runs, so `--help` and other commands start fast. */
async function loadAdmin() {
  const [{ withContext }, { createUser, resetPassword }, { systemCaller }, { asCliError }, { organizationBySlug }] = await Promise.all([
    import('../open-context.ts'),
    import('../../app/accounts.ts'),
    import('../../app/caller.ts'),
    import('../app-error-message.ts'),
    import('../find-organization.ts'),
  ]);
  return { withContext, createUser, resetPassword, systemCaller, asCliError, organizationBySlug };
}

export function register(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('add')
    .description('Add a user; prints a generated password once unless --password is given')
    .requiredOption('--org <slug>', 'the organization the user belongs to')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password <password>', 'set this password instead of generating one (at least 12 characters)')
    .action(async (options: { org: string; email: string; name: string; role: string; password?: string }) => {
      const { withContext, createUser, systemCaller, asCliError, organizationBySlug } = await loadAdmin();
      await withContext('cli user add', async ({ database }) => {
        const organization = await organizationBySlug(database.db, options.org);
        const { user: created, password } = await createUser(database.db, systemCaller('cli'), {
          organizationId: organization.id,
          email: options.email,
          name: options.name,
          role: options.role,
          ...(options.password ? { password: options.password } : {}),
        }).catch((e: unknown) => {
          throw asCliError(e);
        });
        process.stdout.write(`User added: ${created.email} (${created.role} at ${organization.slug})\n`);
        if (!options.password) process.stdout.write(`Password (shown once): ${password}\n`);
      });
    });
  user
    .command('reset-password')
    .description('Set a new password (generated unless --password is given) and end the user\'s sessions')
    .argument('<email>', 'the user\'s e-mail')
    .option('--password <password>', 'the new password (at least 12 characters)')
    .action(async (email: string, options: { password?: string }) => {
      const { withContext, resetPassword, systemCaller, asCliError } = await loadAdmin();
      await withContext('cli user reset-password', async ({ database }) => {
        const { user: updated, password } = await resetPassword(database.db, systemCaller('cli'), email, options.password).catch(
          (e: unknown) => {
            throw asCliError(e);
          },
        );
        process.stdout.write(`Password reset for ${updated.email}; every session of this user was ended.\n`);
        if (!options.password) process.stdout.write(`New password (shown once): ${password}\n`);
      });
    });
}

import type { Command } from 'commander';

export function register(program: Command): void {
  const content = program.command('content').description('The public content: awareness articles and alerts');
  content
    .command('import')
    .description('Load new or changed articles of content/articles into the database (the server does this at every start); articles edited in the console are left alone')
    .action(async () => {
      const { withContext } = await import('../open-context.ts');
      const { importArticles } = await import('../../app/content-import.ts');
      await withContext('cli content import', async ({ database }) => {
        const s = await importArticles(database.db);
        process.stdout.write(
          `Articles: ${s.created} new; language versions: ${s.updated} written, ${s.unchanged} unchanged, ${s.keptEdits} edited in the console and kept.\n`,
        );
      });
    });
}

import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error.ts';

/**
 * The `canhgiac` command. Each sub-command lives in its own file under ./commands and
 * exports `register(program)`; this file only wires them together and turns errors into
 * one line on stderr with a non-zero exit code.
 */
export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('canhgiac')
    .description('Canh Giác: the national online anti-fraud exchange')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const commands = await Promise.all([
    import('./commands/start.ts'),
    import('./commands/serve.ts'),
    import('./commands/migrate.ts'),
    import('./commands/seed.ts'),
    import('./commands/content.ts'),
    import('./commands/user.ts'),
    import('./commands/org.ts'),
    import('./commands/apikey.ts'),
    import('./commands/audit.ts'),
    import('./commands/check.ts'),
    import('./commands/normalize.ts'),
    import('./commands/extract.ts'),
    import('./commands/score.ts'),
  ]);
  for (const command of commands) command.register(program);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text).
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`canhgiac: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`canhgiac: ${message}\n`);
    process.exitCode = 1;
  }
}

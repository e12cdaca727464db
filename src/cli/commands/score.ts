import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { RiskResult } from '../../domain/risk/types.ts';

/**
 * `canhgiac score`: one JSON object per stdin line, {"text": "...", "identifiers": [...]?},
 * → one JSON line each: {"score","label","reasons":[{"signal","weight","detail"}]}. A line that
 * is not such an object gives {"error":{"code","message"}} and the command goes on. Scoring is
 * offline unless --verdicts is given: then the look-up index is loaded from the database once
 * and the verdicts of identifiers count, as the agency sees them.
 */

type Score = (input: { text: string; identifiers?: string[] }) => RiskResult;

export const MAX_LINE_CHARS = 1_000_000;

function error(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** The output line for one input line. */
export function scoreLine(line: string, score: Score): string {
  if (line.length > MAX_LINE_CHARS) return error('line_too_long', `A line may hold at most ${MAX_LINE_CHARS} characters.`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return error('invalid_json', 'The line is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return error('not_an_object', 'Each line must be a JSON object {"text": "..."}.');
  const { text, identifiers } = value as { text?: unknown; identifiers?: unknown };
  if (typeof text !== 'string') return error('text_missing', '"text" must be a string.');
  if (identifiers !== undefined && !(Array.isArray(identifiers) && identifiers.every((i) => typeof i === 'string'))) {
    return error('identifiers_invalid', '"identifiers", when given, must be an array of strings.');
  }
  try {
    const r = score(identifiers ? { text, identifiers: identifiers as string[] } : { text });
    return JSON.stringify({ score: r.score, label: r.label, reasons: r.reasons.map(({ signal, weight, detail }) => ({ signal, weight, detail })) });
  } catch {
    return error('internal', 'The scorer failed on this line.');
  }
}

export async function scoreStream(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, score: Score): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    if (!output.write(`${scoreLine(line, score)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}

export function register(program: Command): void {
  program
    .command('score')
    .description('Risk-score messages: one JSON object {"text": "..."} per line on stdin, one JSON result per line on stdout')
    .addHelpText('after', `
Output, one line per non-empty input line:
  {"score":87,"label":"scam","reasons":[{"signal":"text.otp_request","weight":25,"detail":"..."}, ...]}
  {"error":{"code":"invalid_json","message":"..."}}
The reasons' weights add up to the score (0-100); "scam" from 50 up. Signals and weights: docs/risk.md.
Without --verdicts no database is opened and the verdicts of identifiers do not count; with it
the look-up index is loaded from the database (DATA_DIR or DATABASE_URL) and they count as the
agency sees them (every verdict, with report counts).

Example:
  echo '{"text":"Gửi mã OTP cho em để nhận quà nhé"}' | canhgiac score`)
    .option('--verdicts', 'load the look-up index from the database and count the verdicts of identifiers')
    .action(async (options: { verdicts?: boolean }) => {
      // Loaded here: the model is read only when this command runs.
      const { scoreRisk } = await import('../../domain/risk/scorer.ts');
      if (!options.verdicts) {
        await scoreStream(process.stdin, process.stdout, (input) => scoreRisk(input));
        return;
      }
      const [{ withContext }, { LookupIndex }, { verdictResolver }] = await Promise.all([
        import('../open-context.ts'),
        import('../../app/lookup-index.ts'),
        import('../../app/risk-verdicts.ts'),
      ]);
      const index = new LookupIndex();
      // The index is all that is needed: the database is closed before scoring starts.
      await withContext('cli score', async ({ database }) => {
        await index.load(database.db);
      });
      const resolve = verdictResolver(index, 'agency');
      await scoreStream(process.stdin, process.stdout, (input) => scoreRisk(input, { resolve }));
    });
}

import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { IDENTIFIER_KINDS, type CanonResult, type IdentifierKind } from '../../domain/identifiers/types.ts';
import { CliError } from '../cli-error.ts';

/**
 * `canhgiac normalize [--kind K]`: one raw identifier per stdin line → one JSON object per
 * stdout line. Scripts rely on the exact shape:
 *   {"input","indicator","kind","display"} (+ "qr": {"bin","account","amount","crc_valid"})
 *   {"input","error":{"code","message"}}
 * Bad lines are reported in-line and do not change the exit code; the input is streamed.
 */

type Canonicalize = (raw: string, options?: { kind?: IdentifierKind }) => CanonResult;

export function normalizedLine(input: string, result: CanonResult): string {
  if (!result.ok) return JSON.stringify({ input, error: { code: result.error.code, message: result.error.message } });
  const v = result.value;
  const out: Record<string, unknown> = { input, indicator: v.indicator, kind: v.kind, display: v.display };
  if (v.qr) out.qr = { bin: v.qr.bin, account: v.qr.account, amount: v.qr.amount, crc_valid: v.qr.crc_valid };
  return JSON.stringify(out);
}

export function parseKind(kind: string | undefined): IdentifierKind | undefined {
  if (kind === undefined) return undefined;
  if (!(IDENTIFIER_KINDS as readonly string[]).includes(kind)) {
    throw new CliError(`unknown --kind "${kind}"; one of: ${IDENTIFIER_KINDS.join(', ')}`, 2);
  }
  return kind as IdentifierKind;
}

export async function normalizeStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  kind: IdentifierKind | undefined,
  canonicalize: Canonicalize,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    let result: CanonResult;
    try {
      result = canonicalize(line, kind ? { kind } : {});
    } catch {
      result = { ok: false, error: { code: 'internal', message: 'The canonicalizer failed on this input.' } };
    }
    // Respect back-pressure so a huge input does not pile up in memory.
    if (!output.write(`${normalizedLine(line, result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}

export function register(program: Command): void {
  program
    .command('normalize')
    .description('Canonicalize identifiers: one per line on stdin, one JSON object per line on stdout')
    .option('--kind <kind>', `force the kind instead of detecting it (${IDENTIFIER_KINDS.join(', ')})`)
    .addHelpText('after', `
Output, one line per non-empty input line:
  {"input":"0912 345 678","indicator":"phone:+84912345678","kind":"phone","display":"0912 345 678"}
  {"input":"foo","error":{"code":"...","message":"..."}}
A VietQR payload also gets "qr": {"bin","account","amount","crc_valid"}.
The exit code is 0 even when some lines are errors.

Example:
  printf '0912 345 678\\nVCB 0011 0045 67890\\n' | canhgiac normalize`)
    .action(async (options: { kind?: string }) => {
      const kind = parseKind(options.kind);
      // Loaded here so that the other commands keep working while identifiers are in progress.
      const { canonicalize } = (await import('../../domain/identifiers/index.ts')) as { canonicalize: Canonicalize };
      await normalizeStream(process.stdin, process.stdout, kind, canonicalize);
    });
}

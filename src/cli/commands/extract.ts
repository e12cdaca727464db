import type { Command } from 'commander';
import { extract } from '../../domain/identifiers/extract.ts';

/**
 * `canhgiac extract`: reads free text on stdin and writes a JSON array of the identifiers in
 * it: [{"indicator","kind","start","end","text"}], where start/end are UTF-16 offsets into
 * the text (JavaScript string indexes) and text is the exact slice.
 */

export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function extractJson(text: string): string {
  return JSON.stringify(extract(text).map(({ indicator, kind, start, end, text: slice }) => ({ indicator, kind, start, end, text: slice })));
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('Find every identifier in free text on stdin; print a JSON array')
    .addHelpText('after', `
Output: [{"indicator":"phone:+84912345678","kind":"phone","start":8,"end":20,"text":"0912 345 678"}, ...]
start/end are UTF-16 offsets into the input text; each indicator appears once (first occurrence).

Example:
  echo 'Liên hệ 0912 345 678, stk 0011 0045 67890 VCB, web lua-dao[.]example' | canhgiac extract`)
    .action(async () => {
      // Spans index the whole text, so it is read completely (extraction itself is one pass).
      const text = await readAll(process.stdin);
      process.stdout.write(`${extractJson(text)}\n`);
    });
}

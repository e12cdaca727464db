import { parse as parseYaml } from 'yaml';

export type FrontMatter = { ok: true; data: Record<string, unknown>; body: string } | { ok: false; error: string };

const OPEN = '---\n';
const CLOSE = /^---[ \t]*$/m;

/**
 * Splits a markdown file into its YAML front matter (between a first line `---` and the next
 * line `---`) and the body. Total: any input gives a result, never a throw.
 */
export function parseFrontMatter(text: string): FrontMatter {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith(OPEN)) return { ok: false, error: 'The file does not start with a front matter line "---".' };
  const rest = normalized.slice(OPEN.length);
  const close = CLOSE.exec(rest);
  if (!close) return { ok: false, error: 'The front matter has no closing line "---".' };
  let data: unknown;
  try {
    data = parseYaml(rest.slice(0, close.index), { logLevel: 'error' });
  } catch (error) {
    return { ok: false, error: `The front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'The front matter must be a mapping of fields.' };
  const body = rest.slice(close.index + close[0].length).replace(/^\n+/, '');
  return { ok: true, data: data as Record<string, unknown>, body };
}

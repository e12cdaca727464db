import { canonicalize, extract, type IdentifierKind } from './shared.ts';

/** `VCB 0011 0045 67890`, `(84) 912 345 678`: one identifier is written in a few words at most. */
const MAX_IDENTIFIER_WORDS = 5;

/** What one pasted line turned out to be. */
export type Recognised =
  | { line: string; status: 'identifier'; items: { indicator: string; kind: IdentifierKind; display: string }[] }
  | { line: string; status: 'unrecognised'; code: string };

/**
 * Reads one line a person pasted: an identifier on its own (`0912 345 678`, a link), or a
 * sentence with identifiers in it, which are pulled out as the server does with a narrative.
 */
export function recogniseLine(line: string): Recognised {
  const trimmed = line.trim();
  const direct = trimmed.split(/\s+/).length <= MAX_IDENTIFIER_WORDS ? canonicalize(trimmed) : canonicalize('');
  if (direct.ok) {
    return { line: trimmed, status: 'identifier', items: [{ indicator: direct.value.indicator, kind: direct.value.kind, display: direct.value.display }] };
  }
  const found = extract(trimmed);
  if (found.length > 0) {
    return {
      line: trimmed,
      status: 'identifier',
      items: found.map((f) => {
        const again = canonicalize(f.indicator);
        return { indicator: f.indicator, kind: f.kind, display: again.ok ? again.value.display : f.text };
      }),
    };
  }
  return { line: trimmed, status: 'unrecognised', code: direct.error.code };
}

/** Every non-empty line of a text box, recognised. */
export function recogniseLines(text: string): Recognised[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map(recogniseLine);
}

/** A pasted message or a single identifier: how the check page reads its query. */
export function readQuery(query: string): { mode: 'single'; indicator: string } | { mode: 'message'; indicators: string[] } {
  const trimmed = query.trim();
  // More than a few words is a message, even if the canonicalizers could read it as one
  // bank account ("letters and a run of digits"): each identifier in it is checked.
  const words = trimmed.split(/\s+/).length;
  if (words <= MAX_IDENTIFIER_WORDS && !trimmed.includes('\n')) {
    const direct = canonicalize(trimmed);
    if (direct.ok) return { mode: 'single', indicator: direct.value.indicator };
  }
  return { mode: 'message', indicators: extract(query).map((f) => f.indicator) };
}

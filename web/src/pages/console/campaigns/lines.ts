/**
 * "One per line" fields (tips, warning signs): each non-blank line, trimmed, in order. The inverse,
 * `joinLines`, gives back the same list for any list of trimmed, non-blank, single-line entries.
 */
export function splitLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function joinLines(entries: readonly string[]): string {
  return entries.join('\n');
}

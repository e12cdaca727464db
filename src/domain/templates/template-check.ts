import Mustache from 'mustache';
import type { PlaceholderSpec } from './purposes.ts';

/**
 * Templates are Mustache (logic-less: no code, no loops over data we do not give), restricted to
 * what a message needs: `{{name}}` for a placeholder of the purpose, and `{{#name}}…{{/name}}` /
 * `{{^name}}…{{/name}}` around a passage that shows only when an optional placeholder has (or
 * lacks) a value, plus `{{! comments }}`. Refused: unknown names, triple braces and `{{&name}}`
 * (they would skip HTML escaping), partials, and changed delimiters.
 */

export interface TemplateProblem {
  message: string;
  /** Offset in the template where the problem starts. */
  at: number;
}

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/** A writer of our own with no cache: the console's drafts must not pile up in a process-wide cache. */
function parser(): Mustache.Writer {
  const writer = new Mustache.Writer();
  (writer as unknown as { templateCache: undefined }).templateCache = undefined;
  return writer;
}

/** Mustache's syntax errors end with "at <offset>". */
function offsetOf(message: string): number {
  const m = /at (\d+)\s*$/.exec(message);
  return m ? Number(m[1]) : 0;
}

export function parseTemplate(template: string): { tokens: Token[] } | { problem: TemplateProblem } {
  try {
    return { tokens: parser().parse(template) as unknown as Token[] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: { message: `Not a valid template: ${message}.`, at: offsetOf(message) } };
  }
}

/** Every problem of a template for a purpose's placeholders; empty when it can be saved. */
export function checkTemplate(template: string, placeholders: readonly PlaceholderSpec[]): TemplateProblem[] {
  const parsed = parseTemplate(template);
  if ('problem' in parsed) return [parsed.problem];
  const known = new Map(placeholders.map((p) => [p.name, p]));
  const allowed = [...known.keys()].map((n) => `{{${n}}}`).join(', ');
  const problems: TemplateProblem[] = [];
  const walk = (tokens: Token[]) => {
    for (const [type, value, start, , children] of tokens) {
      switch (type) {
        case 'text':
        case '!':
          break;
        case 'name':
          if (!known.has(value)) problems.push({ message: `Unknown placeholder {{${value}}}; this message knows ${allowed}.`, at: start });
          break;
        case '#':
        case '^': {
          const spec = known.get(value);
          if (!spec) problems.push({ message: `Unknown placeholder {{${value}}} in a conditional passage; this message knows ${allowed}.`, at: start });
          else if (!spec.optional) problems.push({ message: `{{${value}}} always has a value: a conditional passage around it is not needed.`, at: start });
          walk(children ?? []);
          break;
        }
        case '&':
          problems.push({ message: `Write {{${value}}} with two braces: values are always escaped for the channel.`, at: start });
          break;
        case '>':
          problems.push({ message: 'Partials ({{> name}}) are not available in message templates.', at: start });
          break;
        case '=':
          problems.push({ message: 'Changing the delimiters is not available in message templates.', at: start });
          break;
        default:
          problems.push({ message: `Unsupported tag ${type}.`, at: start });
      }
    }
  };
  walk(parsed.tokens);
  return problems;
}

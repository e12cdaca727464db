/**
 * A parser for STIX 2.1 patterns (specification section 9): observation expressions in
 * brackets joined by AND / OR / FOLLOWEDBY, comparison expressions joined by AND / OR with
 * parentheses, object paths, the comparison operators and literals (strings, numbers,
 * booleans, t'…' timestamps, h'…' and b'…' binaries, lists), and the WITHIN / REPEATS /
 * START…STOP qualifiers. It checks syntax and returns the comparisons, which is what the
 * validator and the TAXII intake need.
 */
export interface Comparison {
  objectType: string;
  path: string;
  negated: boolean;
  operator: string;
  value: unknown;
}

export type PatternResult = { ok: true; comparisons: Comparison[] } | { ok: false; error: string; at: number };

type Token = { kind: 'punct' | 'word' | 'string' | 'number' | 'timestamp' | 'binary'; text: string; value?: unknown; at: number };

const OPERATORS = new Set(['=', '!=', '<>', '>', '<', '>=', '<=', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

class PatternError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
  }
}

function readQuoted(src: string, start: number): { text: string; end: number } {
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1];
      if (next !== '\\' && next !== "'") throw new PatternError('Only \\\\ and \\\' escapes are allowed in a string.', i);
      out += next;
      i += 2;
    } else if (c === "'") return { text: out, end: i + 1 };
    else {
      out += c;
      i++;
    }
  }
  throw new PatternError('Unterminated string.', start);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<>' || two === '>=' || two === '<=') {
      tokens.push({ kind: 'punct', text: two, at: i });
      i += 2;
      continue;
    }
    if ('[]():,.=<>*'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
      continue;
    }
    if (c === "'") {
      const q = readQuoted(src, i);
      tokens.push({ kind: 'string', text: q.text, value: q.text, at: i });
      i = q.end;
      continue;
    }
    if ((c === 't' || c === 'h' || c === 'b') && src[i + 1] === "'") {
      const q = readQuoted(src, i + 1);
      if (c === 't' && !TIMESTAMP.test(q.text)) throw new PatternError(`"${q.text}" is not an RFC 3339 timestamp in UTC.`, i);
      if (c === 'h' && !/^([0-9a-fA-F]{2})*$/.test(q.text)) throw new PatternError('Not a hex literal.', i);
      if (c === 'b' && !/^[A-Za-z0-9+/]*={0,2}$/.test(q.text)) throw new PatternError('Not a base64 literal.', i);
      tokens.push({ kind: c === 't' ? 'timestamp' : 'binary', text: q.text, value: q.text, at: i });
      i = q.end;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num && (c === '-' || /\d/.test(c))) {
      tokens.push({ kind: 'number', text: num[0], value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new PatternError(`Unexpected character "${c}".`, i);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  readonly comparisons: Comparison[] = [];
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private at(): number {
    return this.peek()?.at ?? this.length;
  }
  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text === text;
  }
  private isPunct(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === text;
  }
  private expectPunct(text: string): void {
    if (!this.isPunct(text)) throw new PatternError(`Expected "${text}".`, this.at());
    this.pos++;
  }

  parsePattern(): void {
    this.observationExpression();
    if (this.pos < this.tokens.length) throw new PatternError(`Unexpected "${this.peek()!.text}".`, this.at());
  }

  private observationExpression(): void {
    this.qualifiedObservation();
    while (this.isWord('AND') || this.isWord('OR') || this.isWord('FOLLOWEDBY')) {
      this.pos++;
      this.qualifiedObservation();
    }
  }

  private qualifiedObservation(): void {
    if (this.isPunct('[')) {
      this.pos++;
      this.comparisonExpression();
      this.expectPunct(']');
    } else if (this.isPunct('(')) {
      this.pos++;
      this.observationExpression();
      this.expectPunct(')');
    } else throw new PatternError('Expected "[" to open an observation expression.', this.at());
    this.qualifiers();
  }

  private qualifiers(): void {
    for (;;) {
      if (this.isWord('WITHIN')) {
        this.pos++;
        this.positiveNumber();
        if (!this.isWord('SECONDS')) throw new PatternError('Expected SECONDS.', this.at());
        this.pos++;
      } else if (this.isWord('REPEATS')) {
        this.pos++;
        this.positiveNumber();
        if (!this.isWord('TIMES')) throw new PatternError('Expected TIMES.', this.at());
        this.pos++;
      } else if (this.isWord('START')) {
        this.pos++;
        if (this.peek()?.kind !== 'timestamp') throw new PatternError('START takes a t\'…\' timestamp.', this.at());
        this.pos++;
        if (!this.isWord('STOP')) throw new PatternError('Expected STOP.', this.at());
        this.pos++;
        if (this.peek()?.kind !== 'timestamp') throw new PatternError('STOP takes a t\'…\' timestamp.', this.at());
        this.pos++;
      } else return;
    }
  }

  private positiveNumber(): void {
    const t = this.peek();
    if (t?.kind !== 'number' || (t.value as number) <= 0) throw new PatternError('Expected a positive number.', this.at());
    this.pos++;
  }

  private comparisonExpression(): void {
    this.comparisonAnd();
    while (this.isWord('OR')) {
      this.pos++;
      this.comparisonAnd();
    }
  }

  private comparisonAnd(): void {
    this.comparisonTerm();
    while (this.isWord('AND')) {
      this.pos++;
      this.comparisonTerm();
    }
  }

  private comparisonTerm(): void {
    if (this.isPunct('(')) {
      this.pos++;
      this.comparisonExpression();
      this.expectPunct(')');
      return;
    }
    const { objectType, path } = this.objectPath();
    let negated = false;
    if (this.isWord('NOT')) {
      negated = true;
      this.pos++;
    }
    const t = this.peek();
    if (!t || !OPERATORS.has(t.text)) throw new PatternError('Expected a comparison operator.', this.at());
    this.pos++;
    const value = t.text === 'IN' ? this.list() : this.literal();
    this.comparisons.push({ objectType, path, negated, operator: t.text, value });
  }

  private objectPath(): { objectType: string; path: string } {
    const type = this.peek();
    if (type?.kind !== 'word' || !/^[a-z0-9-]+$/.test(type.text)) throw new PatternError('Expected an object type (lower case, digits, hyphens).', this.at());
    this.pos++;
    this.expectPunct(':');
    let path = this.property();
    for (;;) {
      if (this.isPunct('.')) {
        this.pos++;
        path += `.${this.property()}`;
      } else if (this.isPunct('[')) {
        this.pos++;
        const t = this.peek();
        if (t?.kind === 'number' && Number.isInteger(t.value)) path += `[${t.text}]`;
        else if (t?.kind === 'punct' && t.text === '*') path += '[*]';
        else throw new PatternError('Expected a list index or "*".', this.at());
        this.pos++;
        this.expectPunct(']');
      } else break;
    }
    return { objectType: type.text, path };
  }

  private property(): string {
    const t = this.peek();
    if (t?.kind === 'word' && /^[a-z0-9_-]+$/i.test(t.text)) {
      this.pos++;
      return t.text;
    }
    if (t?.kind === 'string') {
      this.pos++;
      return `'${t.text}'`;
    }
    throw new PatternError('Expected a property name.', this.at());
  }

  private literal(): unknown {
    const t = this.peek();
    if (!t) throw new PatternError('Expected a value.', this.length);
    if (t.kind === 'string' || t.kind === 'number' || t.kind === 'timestamp' || t.kind === 'binary') {
      this.pos++;
      return t.value;
    }
    if (t.kind === 'word' && (t.text === 'true' || t.text === 'false')) {
      this.pos++;
      return t.text === 'true';
    }
    throw new PatternError(`"${t.text}" is not a literal.`, t.at);
  }

  private list(): unknown[] {
    this.expectPunct('(');
    const items = [this.literal()];
    while (this.isPunct(',')) {
      this.pos++;
      items.push(this.literal());
    }
    this.expectPunct(')');
    return items;
  }
}

export function parsePattern(pattern: string): PatternResult {
  try {
    if (pattern.length > 100_000) return { ok: false, error: 'The pattern is too long.', at: 0 };
    const parser = new Parser(tokenize(pattern), pattern.length);
    parser.parsePattern();
    return { ok: true, comparisons: parser.comparisons };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, error: error.message, at: error.at };
    throw error;
  }
}

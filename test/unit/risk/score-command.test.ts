import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scoreLine, scoreStream } from '../../../src/cli/commands/score.ts';
import { scoreRisk } from '../../../src/domain/risk/scorer.ts';

describe('canhgiac score', () => {
  it('answers each good line with score, label and reasons', () => {
    const out = JSON.parse(scoreLine(JSON.stringify({ text: 'Gửi mã OTP cho em, ck trước 500k' }), scoreRisk));
    expect(Object.keys(out)).toEqual(['score', 'label', 'reasons']);
    expect(out.reasons[0]).toEqual({ signal: expect.any(String), weight: expect.any(Number), detail: expect.any(String) });
  });

  it('answers bad lines with an error and a stable code', () => {
    const code = (line: string) => JSON.parse(scoreLine(line, scoreRisk)).error.code;
    expect(code('not json')).toBe('invalid_json');
    expect(code('[1]')).toBe('not_an_object');
    expect(code('{"text": 5}')).toBe('text_missing');
    expect(code('{"text": "a", "identifiers": [1]}')).toBe('identifiers_invalid');
    expect(code(JSON.stringify({ text: 'x'.repeat(1_000_001) }))).toBe('line_too_long');
    expect(JSON.parse(scoreLine('{"text":"a"}', () => { throw new Error('boom'); })).error.code).toBe('internal');
  });

  it('streams: one output line per non-empty input line, and goes on after a bad one', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString()));
    const done = scoreStream(input, output, scoreRisk);
    input.end('{"text":"xin chào"}\r\nbroken\n\n{"text":"Trúng thưởng, nộp phí nhận thưởng"}\n');
    await done;
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].label).toBe('legit');
    expect(lines[1].error.code).toBe('invalid_json');
    expect(typeof lines[2].score).toBe('number');
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/canhgiac.mjs', ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('canhgiac score (real process)', () => {
  it('writes one JSON line per input line, answers bad lines in-line and exits 0', () => {
    const input = [
      JSON.stringify({ text: 'Tài khoản Vietcombank của quý khách bị tạm khóa, xác minh tại https://vietcornbank.example và nhập mã OTP' }),
      '{not json',
      '',
      JSON.stringify({ text: 'Tối nay họp lớp lúc 7h nhé' }),
    ].join('\n');
    const r = run(['score'], `${input}\n`);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ label: 'scam', score: expect.any(Number) });
    expect(Object.keys(lines[0]!)).toEqual(['score', 'label', 'reasons']);
    expect(lines[1]).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
    expect(lines[2]).toMatchObject({ label: 'legit' });
  });

  it('has help', () => {
    const r = run(['score', '--help'], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"reasons"');
  });
});

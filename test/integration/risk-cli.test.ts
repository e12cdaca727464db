import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliEnv, freshCliTarget, runCli } from '../helpers/cli.ts';
import { putIndicator } from '../helpers/indicators.ts';

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

describe('canhgiac score --verdicts', () => {
  it('loads the look-up index from the database and counts the verdicts, as the agency sees them', async () => {
    const target = await freshCliTarget();
    try {
      const migrated = await runCli(['migrate'], target.env);
      expect(migrated.code, migrated.stderr).toBe(0);
      const database = await target.open();
      try {
        await putIndicator(database.db, { indicator: 'phone:+84912000111', verdict: 'confirmed', tlp: 'red', reportCount: 5 });
      } finally {
        await database.close();
      }
      const input = `${JSON.stringify({ text: 'Gọi em số 0912 000 111 nhé' })}\n`;
      const r = spawnSync(process.execPath, ['bin/canhgiac.mjs', 'score', '--verdicts'], { input, encoding: 'utf8', timeout: 60_000, env: cliEnv(target.env) });
      expect(r.status, r.stderr).toBe(0);
      const answer = JSON.parse(r.stdout.trim()) as { label: string; reasons: { signal: string; detail: string }[] };
      expect(answer.label).toBe('scam');
      expect(answer.reasons.find((x) => x.signal === 'identifier.confirmed')?.detail).toContain('5 reports');
      const offline = spawnSync(process.execPath, ['bin/canhgiac.mjs', 'score'], { input, encoding: 'utf8', timeout: 60_000, env: cliEnv(target.env) });
      expect(JSON.parse(offline.stdout.trim()).reasons.map((x: { signal: string }) => x.signal)).not.toContain('identifier.confirmed');
    } finally {
      await target.cleanup();
    }
  });
});

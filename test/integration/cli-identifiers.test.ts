import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildVietQrPayload } from '../../src/domain/identifiers/vietqr.ts';

function run(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/canhgiac.mjs', ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('canhgiac normalize', () => {
  it('writes one JSON object per non-empty line and exits 0 even with errors', () => {
    const qr = buildVietQrPayload({ bin: '970436', account: '0011004567890', amount: 50000, message: 'coc' });
    const r = run(['normalize'], `0912 345 678\nfoo\n\nVCB 0011 0045 67890\r\n${qr}\n`);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ input: '0912 345 678', indicator: 'phone:+84912345678', kind: 'phone', display: '0912 345 678' });
    expect(lines[1]).toMatchObject({ input: 'foo', error: { code: expect.any(String), message: expect.any(String) } });
    expect(Object.keys(lines[1]!)).toEqual(['input', 'error']);
    expect(lines[2]).toEqual({ input: 'VCB 0011 0045 67890', indicator: 'bank:970436:0011004567890', kind: 'bank', display: 'VCB 0011004567890' });
    expect(lines[3]).toEqual({
      input: qr,
      indicator: 'bank:970436:0011004567890',
      kind: 'bank',
      display: 'VCB 0011004567890',
      qr: { bin: '970436', account: '0011004567890', amount: 50000, crc_valid: true },
    });
  });

  it('forces a kind with --kind and rejects an unknown kind with exit 2', () => {
    const forced = run(['normalize', '--kind', 'bank'], '0912345678\n');
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ input: '0912345678', error: { code: 'bank_unknown' } });
    const bad = run(['normalize', '--kind', 'bogus'], 'x\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('has help', () => {
    const r = run(['normalize', '--help'], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--kind');
  });
});

describe('canhgiac extract', () => {
  it('writes a JSON array of identifiers with spans into the input', () => {
    const text = 'Liên hệ 0912 345 678, stk 0011 0045 67890 VCB, web lua-dao[.]example/a; chuyển 5.000.000đ, OTP 123456';
    const r = run(['extract'], text);
    expect(r.status).toBe(0);
    const items = JSON.parse(r.stdout) as Array<{ indicator: string; kind: string; start: number; end: number; text: string }>;
    expect(items.map((x) => x.indicator)).toEqual(['phone:+84912345678', 'bank:970436:0011004567890', 'url:http://lua-dao.example/a']);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(['indicator', 'kind', 'start', 'end', 'text']);
      expect(text.slice(item.start, item.end)).toBe(item.text);
    }
  });

  it('prints an empty array for text without identifiers, and has help', () => {
    expect(JSON.parse(run(['extract'], 'Xin chào').stdout)).toEqual([]);
    expect(run(['extract', '--help'], '').stdout).toContain('start/end');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTarget, TargetRefused } from '../../../src/app/webhook-targets.ts';
import { isForbiddenAddress, parseTargetUrl } from '../../../src/domain/webhooks/target-address.ts';

describe('webhook target addresses (SSRF)', () => {
  it.each(['127.0.0.1', '127.1.2.3', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]', 'localhost', ''])(
    'refuses %s',
    (address) => expect(isForbiddenAddress(address)).toBe(true),
  );

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('every address in 10.0.0.0/8 and 127.0.0.0/8 is refused (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(10, 127), fc.nat(255), fc.nat(255), fc.nat(255), (a, b, c, d) => {
        expect(isForbiddenAddress(`${a}.${b}.${c}.${d}`)).toBe(true);
      }),
    );
  });

  it('URLs: only http(s), no credentials, never throws on any input (property)', () => {
    expect(parseTargetUrl('ftp://example.com/x').ok).toBe(false);
    expect(parseTargetUrl('https://user:pw@example.com/x').ok).toBe(false);
    expect(parseTargetUrl('not a url').ok).toBe(false);
    expect(parseTargetUrl('https://hooks.bank.example/canhgiac').ok).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true }), fc.webUrl().map((u) => u.replace('://', '://u:p@'))), (raw) => {
        const parsed = parseTargetUrl(raw);
        if (parsed.ok) {
          expect(['http:', 'https:']).toContain(parsed.url.protocol);
          expect(parsed.url.username + parsed.url.password).toBe('');
        }
      }),
    );
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
  ])('registration refuses %s', async (url) => {
    await expect(checkTarget(url, false)).rejects.toBeInstanceOf(TargetRefused);
  });

  it('registration refuses a host name that resolves to a private address, and accepts a public one', async () => {
    await expect(checkTarget('https://localhost/hook', false)).rejects.toThrow(/resolves to/);
    const fakeDns = async (host: string) => [{ address: host === 'inside.example' ? '10.0.0.7' : '93.184.216.34', family: 4 }];
    await expect(checkTarget('https://inside.example/hook', false, fakeDns)).rejects.toThrow(/10\.0\.0\.7/);
    await expect(checkTarget('https://hooks.example/hook', false, fakeDns)).resolves.toBeInstanceOf(URL);
    // Configuration can allow private targets (tests, closed networks).
    await expect(checkTarget('http://127.0.0.1/hook', true)).resolves.toBeInstanceOf(URL);
  });
});

import { describe, expect, it } from 'vitest';
import { MOBILE_NETWORKS, MOBILE_NETWORK_IDS, networkOfPhone } from '../../../src/domain/telcos/networks.ts';
import { retryDelayMs } from '../../../src/domain/webhooks/backoff.ts';
import { concernsOf, receives, type Recipient } from '../../../src/domain/webhooks/routing.ts';

const recipient = (p: Partial<Recipient>): Recipient => ({ organizationId: 'o', kind: 'other', platform: null, network: null, bins: [], maxTlp: null, routing: 'concerned', ...p });

describe('mobile networks', () => {
  it.each([
    ['+84961234567', 'viettel'],
    ['+84321234567', 'viettel'],
    ['+84912345678', 'vinaphone'],
    ['+84901234567', 'mobifone'],
    ['+84921234567', 'vietnamobile'],
    ['+84991234567', 'gmobile'],
    ['+84871234567', 'itelecom'],
    ['+842438123456', null],
    ['+6591234567', null],
  ])('%s is on %s', (phone, network) => expect(networkOfPhone(phone)).toBe(network));

  it('no prefix belongs to two networks', () => {
    const all = MOBILE_NETWORK_IDS.flatMap((id) => MOBILE_NETWORKS[id].prefixes);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('routing to whom an event concerns', () => {
  const concerns = concernsOf(['bank:970436:0011004567890', 'phone:+84961234567', 'fb:100012345678901', 'domain:lua-dao.example']);

  it('reads BINs, networks and platforms off the indicators', () => {
    expect(concerns).toEqual({ bins: ['970436'], networks: ['viettel'], platforms: ['facebook'], organizationIds: [] });
  });

  it('a bank by its BINs, a telco by its network, a platform by its platform', () => {
    const event = { family: 'indicator' as const, tlp: 'amber' as const, concerns };
    expect(receives(recipient({ kind: 'bank', bins: ['970436'] }), event)).toBe(true);
    expect(receives(recipient({ kind: 'bank', bins: ['970418'] }), event)).toBe(false);
    expect(receives(recipient({ kind: 'telco', network: 'viettel' }), event)).toBe(true);
    expect(receives(recipient({ kind: 'telco', network: 'mobifone' }), event)).toBe(false);
    expect(receives(recipient({ kind: 'platform', platform: 'facebook' }), event)).toBe(true);
    expect(receives(recipient({ kind: 'platform', platform: 'zalo' }), event)).toBe(false);
    expect(receives(recipient({ kind: 'agency' }), event)).toBe(true);
  });

  it('TLP: green goes to `all` subscriptions too, amber only to whom it concerns, red to nobody outside the agency', () => {
    const other = recipient({ kind: 'bank', bins: ['970418'], routing: 'all' });
    const concerned = recipient({ kind: 'bank', bins: ['970436'], routing: 'all' });
    expect(receives(other, { family: 'indicator', tlp: 'green', concerns })).toBe(true);
    expect(receives(other, { family: 'indicator', tlp: 'amber', concerns })).toBe(false);
    expect(receives(concerned, { family: 'indicator', tlp: 'red', concerns })).toBe(false);
    expect(receives({ ...concerned, maxTlp: 'green' }, { family: 'indicator', tlp: 'amber', concerns })).toBe(false);
  });

  it('an escalation goes only to the organization it is addressed to', () => {
    const event = { family: 'escalation' as const, tlp: null, concerns: concernsOf([], ['meta-org']) };
    expect(receives(recipient({ organizationId: 'meta-org', kind: 'platform', platform: 'facebook' }), event)).toBe(true);
    expect(receives(recipient({ organizationId: 'zalo-org', kind: 'platform', platform: 'zalo', routing: 'all' }), event)).toBe(false);
  });
});

describe('retry backoff', () => {
  it('doubles from the base, with jitter between half and all of it, capped', () => {
    const policy = { baseMs: 1000, maxMs: 60_000 };
    expect(retryDelayMs(policy, 1, 0)).toBe(500);
    expect(retryDelayMs(policy, 1, 0.999999)).toBe(1000);
    expect(retryDelayMs(policy, 4, 0.999999)).toBe(8000);
    expect(retryDelayMs(policy, 40, 0.999999)).toBe(60_000);
  });
});

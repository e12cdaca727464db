import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/domain/identifiers/index.ts';
import { canonicalJson, uuidV5 } from '../../../src/domain/stix/ids.ts';
import { TLP_MARKINGS } from '../../../src/domain/stix/markings.ts';
import { agencyIdentity, linkRelationship, objectsForIndicator, organizationIdentity, sightingObject, type SharedIndicator } from '../../../src/domain/stix/objects.ts';
import { identifierOfProperties, patternFor, patternString } from '../../../src/domain/stix/observables.ts';
import { parsePattern } from '../../../src/domain/stix/pattern.ts';
import { validateStixObject } from '../../../src/domain/stix/validator.ts';

const SAMPLES = [
  'phone:+84912345678',
  'bank:970436:0011004567890',
  'url:https://evil.example/login?a=1&b=\'x\'',
  'domain:shop-gia-re.example',
  'email:scam@mail.example',
  'fb:id:100012345678901',
  'telegram:scam_shop',
  'tiktok:gia.re',
  'x:scam_handle',
  'youtube:channel:UCabcdefghijklmnopqrstuv',
  'crypto:eth:0x52908400098527886e0f7030069857d2e4169ee7',
];

function shared(indicator: string, over: Partial<SharedIndicator> = {}): SharedIndicator {
  return {
    id: '7d1a3c2e-9b1f-4c55-8f6e-2f3a4b5c6d7e',
    indicator,
    display: indicator,
    verdict: 'confirmed',
    confidence: 90,
    tlp: 'green',
    fraudTypes: ['investment'],
    reportCount: 3,
    platformConfirmations: 1,
    firstSeenAt: new Date('2026-11-01T10:00:00.000Z'),
    updatedAt: new Date('2026-11-20T10:00:00.000Z'),
    expiresAt: null,
    ...over,
  };
}

describe('deterministic ids', () => {
  it('computes RFC 4122 UUIDv5 (the RFC example name in the DNS namespace)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('serializes id-contributing properties with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: { d: 'x', c: [2, 1] } })).toBe('{"a":{"c":[2,1],"d":"x"},"b":1}');
  });
  it('gives the same observable the same id every time, and different observables different ids', () => {
    const a = objectsForIndicator(shared('phone:+84912345678'))[1]!;
    const b = objectsForIndicator(shared('phone:+84912345678', { id: '00000000-0000-4000-8000-000000000001', tlp: 'amber' }))[1]!;
    const c = objectsForIndicator(shared('phone:+84912345679'))[1]!;
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });
});

describe('objects served for each kind of identifier', () => {
  it.each(SAMPLES)('%s: indicator, observable and relationship pass the STIX 2.1 rules', (indicator) => {
    const objects = objectsForIndicator(shared(indicator));
    expect(objects.map((o) => o.type)).toEqual(['indicator', expect.any(String), 'relationship']);
    for (const o of objects) expect(validateStixObject(o), JSON.stringify(o)).toEqual([]);
    expect(objects[0]!.pattern).toBe(patternFor(indicator));
  });

  it.each(SAMPLES)('%s: reading the observable back gives the same canonical identifier', (indicator) => {
    const observable = objectsForIndicator(shared(indicator))[1]!;
    const { x_canhgiac_indicator: _dropped, ...withoutHint } = observable;
    const read = identifierOfProperties(observable.type, withoutHint);
    expect(read).not.toBeNull();
    const canonical = canonicalize(read!.raw, { kind: read!.kind });
    expect(canonical.ok && canonical.value.indicator).toBe(indicator);
  });

  it('maps each kind to the observable type OpenCTI uses', () => {
    const typeOf = (i: string) => objectsForIndicator(shared(i))[1]!.type;
    expect(typeOf('phone:+84912345678')).toBe('phone-number');
    expect(typeOf('bank:970436:0011004567890')).toBe('bank-account');
    expect(typeOf('crypto:eth:0x52908400098527886e0f7030069857d2e4169ee7')).toBe('cryptocurrency-wallet');
    expect(typeOf('fb:id:100012345678901')).toBe('user-account');
    expect(objectsForIndicator(shared('fb:id:100012345678901'))[1]!.account_type).toBe('facebook');
  });

  it('publishes a cleared identifier as a revoked version with a later modified', () => {
    const before = objectsForIndicator(shared('phone:+84912345678'))[0]!;
    const after = objectsForIndicator(shared('phone:+84912345678', { verdict: 'cleared', updatedAt: new Date('2026-11-25T00:00:00.000Z') }))[0]!;
    expect(after.id).toBe(before.id);
    expect(after.revoked).toBe(true);
    expect(String(after.modified) > String(before.modified)).toBe(true);
    expect(validateStixObject(after)).toEqual([]);
  });

  it('gives a suspected indicator valid_until from its expiry, only when after valid_from', () => {
    const s = objectsForIndicator(shared('phone:+84912345678', { verdict: 'suspected', expiresAt: new Date('2027-02-01T00:00:00.000Z') }))[0]!;
    expect(s.valid_until).toBe('2027-02-01T00:00:00.000Z');
    const odd = objectsForIndicator(shared('phone:+84912345678', { verdict: 'suspected', expiresAt: new Date('2020-01-01T00:00:00.000Z') }))[0]!;
    expect(odd.valid_until).toBeUndefined();
  });

  it('serves identities, TLP markings, links and sightings that pass the rules', () => {
    const a = shared('phone:+84912345678');
    const b = shared('bank:970436:0011004567890', { id: '00000000-0000-4000-8000-000000000002', tlp: 'amber' });
    const objects = [
      agencyIdentity(),
      organizationIdentity({ id: '00000000-0000-4000-8000-000000000009', name: 'Bank A', kind: 'bank', createdAt: new Date() }),
      ...Object.values(TLP_MARKINGS),
      linkRelationship(a, b),
      sightingObject(a, { type: 'seen', count: 4, firstSeen: new Date('2026-11-02T00:00:00Z'), lastSeen: new Date('2026-11-03T00:00:00Z') }),
      sightingObject(a, { type: 'false_positive', count: 1, firstSeen: new Date('2026-11-02T00:00:00Z'), lastSeen: new Date('2026-11-02T00:00:00Z') }),
    ];
    for (const o of objects) expect(validateStixObject(o), JSON.stringify(o)).toEqual([]);
    expect(linkRelationship(a, b).id).toBe(linkRelationship(b, a).id);
    expect(linkRelationship(a, b).object_marking_refs).toEqual([TLP_MARKINGS.amber.id]);
  });
});

describe('the validator refuses what the specification forbids', () => {
  const good = () => objectsForIndicator(shared('phone:+84912345678'))[0]!;
  it.each([
    ['id of another type', { id: 'malware--7d1a3c2e-9b1f-4c55-8f6e-2f3a4b5c6d7e' }, 'id'],
    ['id without a UUID', { id: 'indicator--1234' }, 'id'],
    ['timestamp without Z', { created: '2026-11-01T10:00:00+07:00' }, 'created'],
    ['impossible date', { valid_from: '2026-02-30T10:00:00Z' }, 'valid_from'],
    ['modified before created', { modified: '2026-10-01T00:00:00.000Z' }, 'modified'],
    ['missing spec_version', { spec_version: undefined }, 'spec_version'],
    ['missing pattern', { pattern: undefined }, 'pattern'],
    ['unbalanced pattern', { pattern: "[phone-number:value = '+84912345678'" }, 'pattern'],
    ['bad marking ref', { object_marking_refs: ['tlp:green'] }, 'object_marking_refs'],
    ['confidence out of range', { confidence: 101 }, 'confidence'],
    ['created_by_ref not an identity', { created_by_ref: 'indicator--7d1a3c2e-9b1f-4c55-8f6e-2f3a4b5c6d7e' }, 'created_by_ref'],
    ['valid_until not after valid_from', { valid_until: '2026-11-01T10:00:00.000Z' }, 'valid_until'],
    ['bad property name', { 'X-Custom': 1 }, 'X-Custom'],
  ])('%s', (_name, change, property) => {
    const o: Record<string, unknown> = { ...good(), ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete o[k];
    expect(validateStixObject(o).map((p) => p.property)).toContain(property);
  });
});

describe('STIX patterns', () => {
  it.each([
    "[url:value = 'http://x.example/']",
    "[file:hashes.'SHA-256' = 'aa' OR file:name MATCHES '^x'] AND [domain-name:value != 'a.example']",
    "([ipv4-addr:value ISSUBSET '10.0.0.0/8'] FOLLOWEDBY [network-traffic:dst_port IN (80, 443)]) WITHIN 300 SECONDS",
    "[x509-certificate:extensions.'x-ext'.list[*].v NOT = 'x'] START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00Z'",
    "[a-type:prop = true AND (a-type:n > -1.5 OR a-type:b = h'0aff')] REPEATS 2 TIMES",
  ])('parses %s', (p) => {
    expect(parsePattern(p)).toMatchObject({ ok: true });
  });
  it.each(["[url:value = 'x'", "url:value = 'x'", "[url:value 'x']", "[url:value = 'x\\q']", "[URL:value = 'x']", "[url:value = 'x'] AND", "[url:value = t'2026-01-01']"])('refuses %s', (p) => {
    expect(parsePattern(p).ok).toBe(false);
  });
  it('round-trips any string value through the pattern string literal (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        const parsed = parsePattern(`[phone-number:value = ${patternString(value)} AND bank-account:x_canhgiac_bin = '970436']`);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.comparisons[0]!.value).toBe(value);
      }),
    );
  });
  it('never throws on arbitrary input (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => typeof parsePattern(s).ok === 'boolean'));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCorpus, type CorpusLine } from '../../../scripts/generate-risk-corpus.ts';
import { FRAUD_TYPES } from '../../../src/domain/fraud-types.ts';
import { extract } from '../../../src/domain/identifiers/index.ts';
import { SHORTENERS } from '../../../src/domain/risk/lookalike.ts';

const committed: CorpusLine[] = readFileSync(new URL('../../../datasets/risk-corpus.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as CorpusLine);

describe('the risk corpus', () => {
  it('is exactly what the seeded generator makes (npm run risk:corpus is reproducible)', () => {
    expect(generateCorpus()).toEqual(committed);
    expect(generateCorpus()).toEqual(committed);
  });

  it('has the documented fields, every fraud type but "other", and hard negatives of every required kind', () => {
    for (const l of committed) {
      expect(['scam', 'legit']).toContain(l.label);
      expect(l.fraud_type === null).toBe(l.label === 'legit');
      expect(typeof l.hard_negative).toBe('boolean');
    }
    const types = new Set(committed.map((l) => l.fraud_type));
    for (const t of FRAUD_TYPES.filter((t) => t !== 'other')) expect(types).toContain(t);
    const hardGroups = new Set(committed.filter((l) => l.hard_negative).map((l) => l.group));
    for (const g of ['bank_notice_warning', 'government_warning', 'news_report', 'promotion', 'job_ad', 'friend_loan']) expect(hardGroups).toContain(g);
    expect(committed.some((l) => l.blind)).toBe(true);
  });

  it('links only to reserved .example / .test domains or a shortener', () => {
    const hosts = new Set<string>();
    for (const l of committed) {
      for (const e of extract(l.text)) {
        if (e.kind !== 'url' && e.kind !== 'domain') continue;
        const host = e.kind === 'url' ? /^[a-z]+:\/\/([^/:?#]+)/.exec(e.indicator.slice(4))?.[1] : e.indicator.slice(7);
        if (host) hosts.add(host);
      }
    }
    expect(hosts.size).toBeGreaterThan(50);
    for (const host of hosts) expect(/\.(?:example|test)$/.test(host) || SHORTENERS.has(host), host).toBe(true);
  });
});

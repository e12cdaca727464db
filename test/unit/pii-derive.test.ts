import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from '../../src/app/pii-crypto.ts';

describe('keys derived from the PII key', () => {
  it('are the same on every node that shares the key, and differ by purpose and by key', () => {
    const key = randomBytes(32);
    const nodeA = new PiiCipher(key);
    const nodeB = new PiiCipher(Buffer.from(key));
    const decoys = nodeA.derive('canhgiac range-lookup decoys v1');
    expect(decoys).toHaveLength(32);
    expect(nodeB.derive('canhgiac range-lookup decoys v1').equals(decoys)).toBe(true);
    expect(nodeA.derive('another purpose').equals(decoys)).toBe(false);
    expect(new PiiCipher(randomBytes(32)).derive('canhgiac range-lookup decoys v1').equals(decoys)).toBe(false);
    // Deriving does not expose the key itself.
    expect(decoys.equals(key)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisjointSet, pairsOf, planNetworks, type LinkedIndicator, type StoredNetwork } from '../../../src/domain/networks/network-plan.ts';

/** Connected components by breadth-first search: the reference the union-find must agree with. */
function componentsByBfs(nodes: string[], edges: [string, string][]): Map<string, number> {
  const adjacent = new Map(nodes.map((n) => [n, [] as string[]]));
  for (const [a, b] of edges) {
    adjacent.get(a)!.push(b);
    adjacent.get(b)!.push(a);
  }
  const component = new Map<string, number>();
  let next = 0;
  for (const start of nodes) {
    if (component.has(start)) continue;
    const queue = [start];
    component.set(start, next);
    while (queue.length) for (const m of adjacent.get(queue.shift()!)!) if (!component.has(m)) (component.set(m, next), queue.push(m));
    next++;
  }
  return component;
}

const graph = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    nodes: fc.constant(Array.from({ length: n }, (_, i) => `n${i}`)),
    edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).map(([a, b]) => [`n${a}`, `n${b}`] as [string, string]), { maxLength: 60 }),
  }),
);

/** Applies plans to a map of indicator → network and the stored networks, as the store does. */
function apply(state: Map<string, string | null>, stored: Map<string, StoredNetwork>, links: [string, string][], clock: { t: number }, ids: { n: number }) {
  const touched = new Set(links.flat());
  const indicators: LinkedIndicator[] = [...touched].map((id) => ({ id, networkId: state.get(id) ?? null }));
  for (const change of planNetworks(indicators, links, stored, () => `net${ids.n++}`)) {
    for (const absorbed of change.absorbed) {
      for (const [id, n] of state) if (n === absorbed) state.set(id, change.networkId);
      stored.delete(absorbed);
    }
    for (const id of change.moved) state.set(id, change.networkId);
    stored.set(change.networkId, { id: change.networkId, size: change.size, createdAt: stored.get(change.networkId)?.createdAt ?? clock.t++ });
  }
}

describe('DisjointSet', () => {
  it('puts two items in one group exactly when links connect them', () => {
    fc.assert(
      fc.property(graph, ({ nodes, edges }) => {
        const sets = new DisjointSet();
        for (const n of nodes) sets.add(n);
        for (const [a, b] of edges) sets.union(a, b);
        const reference = componentsByBfs(nodes, edges);
        for (const a of nodes) for (const b of nodes) expect(sets.find(a) === sets.find(b)).toBe(reference.get(a) === reference.get(b));
        expect(sets.groups().flat().sort()).toEqual([...nodes].sort());
      }),
    );
  });
});

describe('planNetworks', () => {
  it('a new pair makes a network; a lone indicator makes none', () => {
    const changes = planNetworks([{ id: 'a', networkId: null }, { id: 'b', networkId: null }, { id: 'c', networkId: null }], [['a', 'b']], new Map(), () => 'new1');
    expect(changes).toEqual([{ networkId: 'new1', created: true, size: 2, absorbed: [], moved: ['a', 'b'] }]);
  });

  it('a network keeps its id as it grows', () => {
    const stored = new Map([['n1', { id: 'n1', size: 2, createdAt: 1 }]]);
    const changes = planNetworks([{ id: 'a', networkId: 'n1' }, { id: 'x', networkId: null }], [['a', 'x']], stored, () => 'unused');
    expect(changes).toEqual([{ networkId: 'n1', created: false, size: 3, absorbed: [], moved: ['x'] }]);
  });

  it('joining two networks keeps the id of the larger; equal sizes keep the older', () => {
    const stored = new Map([
      ['small', { id: 'small', size: 2, createdAt: 1 }],
      ['large', { id: 'large', size: 5, createdAt: 2 }],
    ]);
    const [change] = planNetworks([{ id: 'a', networkId: 'small' }, { id: 'b', networkId: 'large' }], [['a', 'b']], stored, () => 'unused');
    expect(change).toMatchObject({ networkId: 'large', size: 7, absorbed: ['small'], moved: ['a'] });
    const tie = new Map([
      ['young', { id: 'young', size: 3, createdAt: 9 }],
      ['old', { id: 'old', size: 3, createdAt: 1 }],
    ]);
    expect(planNetworks([{ id: 'a', networkId: 'young' }, { id: 'b', networkId: 'old' }], [['a', 'b']], tie, () => 'unused')[0]).toMatchObject({ networkId: 'old', absorbed: ['young'] });
  });

  it('links already inside one network change nothing', () => {
    const stored = new Map([['n1', { id: 'n1', size: 2, createdAt: 1 }]]);
    expect(planNetworks([{ id: 'a', networkId: 'n1' }, { id: 'b', networkId: 'n1' }], [['a', 'b']], stored, () => 'unused')).toEqual([]);
  });

  it('folding links in batches gives the same groups as all at once, with sizes that add up, and ids only change by joining a larger network', () => {
    fc.assert(
      fc.property(graph, fc.integer({ min: 1, max: 6 }), ({ edges }, batches) => {
        const state = new Map<string, string | null>();
        const stored = new Map<string, StoredNetwork>();
        const clock = { t: 0 };
        const ids = { n: 0 };
        const real = edges.filter(([a, b]) => a !== b);
        const per = Math.ceil(real.length / batches) || 1;
        for (let i = 0; i < real.length; i += per) {
          const before = new Map(state);
          const sizesBefore = new Map([...stored].map(([k, v]) => [k, v.size]));
          apply(state, stored, real.slice(i, i + per), clock, ids);
          // An indicator's network id changes only when it had none or its network joined one at least as large.
          for (const [id, old] of before) {
            const now = state.get(id)!;
            if (old !== null && now !== old) expect(stored.get(now)!.size).toBeGreaterThanOrEqual(sizesBefore.get(old)!);
          }
        }
        const nodes = [...new Set(real.flat())];
        const reference = componentsByBfs(nodes, real);
        for (const a of nodes) for (const b of nodes) expect(state.get(a) === state.get(b)).toBe(reference.get(a) === reference.get(b));
        for (const [id, network] of stored) expect([...state.values()].filter((n) => n === id).length).toBe(network.size);
      }),
    );
  });
});

describe('pairsOf', () => {
  it('every pair once, smaller first, whatever the order and repeats', () => {
    expect(pairsOf(['c', 'a', 'b', 'a'])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(pairsOf(['a'])).toEqual([]);
  });
});

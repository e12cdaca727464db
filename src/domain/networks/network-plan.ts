/**
 * Networks of scam identifiers: indicators that appear together (in one report, one piece of
 * evidence, one platform record) are linked, and a network is a connected group of linked
 * indicators. Networks are kept incrementally: each batch of new links is folded into the
 * networks that already exist, with ids that stay stable.
 *
 * A disjoint-set (union-find) with path halving and union by size, written here because the
 * incremental plan below needs to walk its components together with the stored networks; it is
 * twenty lines and the npm packages for it are unmaintained or untyped.
 */
export class DisjointSet {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(x: string): void {
    if (!this.parent.has(x)) {
      this.parent.set(x, x);
      this.size.set(x, 1);
    }
  }

  find(x: string): string {
    this.add(x);
    let node = x;
    for (let p = this.parent.get(node)!; p !== node; p = this.parent.get(node)!) {
      const grand = this.parent.get(p)!;
      this.parent.set(node, grand);
      node = grand;
    }
    return node;
  }

  union(a: string, b: string): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size.get(ra)! < this.size.get(rb)!) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, this.size.get(ra)! + this.size.get(rb)!);
  }

  /** The groups, each as its members in insertion order; groups in the order of their first member. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const x of this.parent.keys()) {
      const root = this.find(x);
      const group = byRoot.get(root);
      if (group) group.push(x);
      else byRoot.set(root, [x]);
    }
    return [...byRoot.values()];
  }
}

/** An indicator touched by new links, and the network it is in already (if any). */
export interface LinkedIndicator {
  id: string;
  networkId: string | null;
}

/** A stored network: its size and when it was made (the tie-break for equal sizes). */
export interface StoredNetwork {
  id: string;
  size: number;
  createdAt: number;
}

export interface NetworkChange {
  /** The network the group ends up in: an existing id, or `newId` for a new one. */
  networkId: string;
  created: boolean;
  /** The network's size after the change. */
  size: number;
  /** Existing networks joined into `networkId` (their indicators move to it). */
  absorbed: string[];
  /** Indicators of this batch that were in no network, or in an absorbed one, and now are in `networkId`. */
  moved: string[];
}

/**
 * What new links change: for each group of indicators linked by `links` (pairs of indicator
 * ids), the network it belongs to afterwards. A group that touches no network and has at least
 * two indicators becomes a new network (id from `newId`). A group that touches networks joins
 * them into the largest (equal sizes: the oldest, then the smaller id), whose id survives, so
 * a network's id changes only when it joins a larger one. A lone indicator is no network.
 */
export function planNetworks(
  indicators: readonly LinkedIndicator[],
  links: readonly (readonly [string, string])[],
  stored: ReadonlyMap<string, StoredNetwork>,
  newId: () => string,
): NetworkChange[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const sets = new DisjointSet();
  for (const i of indicators) sets.add(i.id);
  for (const [a, b] of links) {
    if (a !== b && byId.has(a) && byId.has(b)) sets.union(a, b);
  }
  // Indicators already in one network are connected through it, even if no new link joins them.
  const firstOfNetwork = new Map<string, string>();
  for (const i of indicators) {
    if (i.networkId === null) continue;
    const first = firstOfNetwork.get(i.networkId);
    if (first === undefined) firstOfNetwork.set(i.networkId, i.id);
    else sets.union(first, i.id);
  }
  const changes: NetworkChange[] = [];
  for (const group of sets.groups()) {
    const existing = [...new Set(group.map((id) => byId.get(id)!.networkId).filter((n): n is string => n !== null))]
      .map((id) => stored.get(id) ?? { id, size: 0, createdAt: Number.MAX_SAFE_INTEGER })
      .sort((a, b) => b.size - a.size || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const target = existing[0];
    const absorbed = existing.slice(1);
    const outside = group.filter((id) => byId.get(id)!.networkId === null);
    if (!target) {
      if (group.length < 2) continue;
      changes.push({ networkId: newId(), created: true, size: group.length, absorbed: [], moved: group });
      continue;
    }
    if (absorbed.length === 0 && outside.length === 0) continue;
    const absorbedIds = new Set(absorbed.map((n) => n.id));
    changes.push({
      networkId: target.id,
      created: false,
      size: target.size + absorbed.reduce((sum, n) => sum + n.size, 0) + outside.length,
      absorbed: absorbed.map((n) => n.id),
      moved: group.filter((id) => {
        const n = byId.get(id)!.networkId;
        return n === null || absorbedIds.has(n);
      }),
    });
  }
  return changes;
}

/** Every pair of a report's indicators, smaller id first (a link is stored once per pair). */
export function pairsOf(ids: readonly string[]): [string, string][] {
  const unique = [...new Set(ids)].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) pairs.push([unique[i]!, unique[j]!]);
  return pairs;
}

import { randomUUID } from 'node:crypto';
import { DisjointSet, pairsOf, planNetworks, type LinkedIndicator } from '../domain/networks/network-plan.ts';
import type { Db } from '../store/connection.ts';
import { lockIndicatorsById } from '../store/indicators.ts';
import { absorbNetworks, addIndicatorLinks, lockNetworks, networksWithConfirmed, saveNetworks, setIndicatorNetworks } from '../store/networks.ts';

/** Above this many indicators in one report, its indicators are linked in a chain, not every pair. */
const ALL_PAIRS_UP_TO = 8;

/**
 * The links one report makes between its indicators: every pair for a usual report, a chain for
 * a long one (the same network, without hundreds of pairs from one pasted list).
 */
export function reportLinks(indicatorIds: readonly string[]): [string, string][] {
  const ids = [...new Set(indicatorIds)].sort();
  if (ids.length <= ALL_PAIRS_UP_TO) return pairsOf(ids);
  return ids.slice(1).map((id, n) => [ids[n]!, id]);
}

export interface NetworkOutcome {
  /** The network of each indicator given, after the links (null: in no network). */
  networkOf: Map<string, string | null>;
  /** All the links the reports make, for `indicator_links`. */
  links: [string, string][];
  /**
   * Per report, in order: whether it names a confirmed indicator or one linked (by the stored
   * networks, earlier reports of the batch, or itself) to a confirmed indicator — as if the
   * reports had been stored one by one.
   */
  urgent: boolean[];
}

/**
 * Folds the links that reports make (the indicator ids each names, in arrival order) into the
 * stored networks, in the caller's transaction: new networks for newly linked groups, grown
 * ones, and joined ones (the largest keeps its id; the others' indicators move to it and their
 * ids forward to it). The caller writes `networkOf` on the indicators it is writing anyway;
 * indicators of absorbed networks outside the batch are moved here.
 */
export async function linkIntoNetworks(
  tx: Db,
  indicators: readonly (LinkedIndicator & { confirmed: boolean })[],
  reports: readonly (readonly string[])[],
): Promise<NetworkOutcome> {
  const touched = [...new Set(indicators.map((i) => i.networkId).filter((n): n is string => n !== null))];
  const stored = await lockNetworks(tx, touched);
  const confirmedBefore = await networksWithConfirmed(tx, touched);
  const links = reports.flatMap((ids) => reportLinks(ids));

  // Urgency, report by report: a union-find over the indicators and their stored networks,
  // with a "holds a confirmed indicator" flag per group.
  const sets = new DisjointSet();
  const confirmedGroups = new Set<string>();
  const isConfirmed = (node: string) => confirmedGroups.has(sets.find(node));
  const join = (a: string, b: string) => {
    const confirmed = isConfirmed(a) || isConfirmed(b);
    sets.union(a, b);
    if (confirmed) confirmedGroups.add(sets.find(a));
  };
  for (const n of confirmedBefore) confirmedGroups.add(sets.find(`network:${n}`));
  for (const i of indicators) {
    if (i.confirmed) confirmedGroups.add(sets.find(i.id));
    if (i.networkId) join(i.id, `network:${i.networkId}`);
  }
  const urgent = reports.map((ids) => {
    for (const [a, b] of reportLinks(ids)) join(a, b);
    return ids.some(isConfirmed);
  });

  const changes = planNetworks(indicators, links, stored, randomUUID);
  const networkOf = new Map(indicators.map((i) => [i.id, i.networkId]));
  for (const change of changes) for (const id of change.moved) networkOf.set(id, change.networkId);
  await saveNetworks(
    tx,
    changes.map((c) => ({ id: c.networkId, size: c.size })),
  );
  for (const change of changes) await absorbNetworks(tx, change.absorbed, change.networkId);
  return { networkOf, links, urgent };
}

/**
 * Links identifiers that one record names together (a platform's enforcement record), outside
 * the report intake: their networks are joined or made, the moved indicators updated, the links
 * counted. Call it in the transaction that writes the record.
 */
export async function linkTogether(tx: Db, indicatorIds: readonly string[]): Promise<void> {
  const rows = await lockIndicatorsById(tx, indicatorIds);
  const outcome = await linkIntoNetworks(
    tx,
    rows.map((r) => ({ id: r.id, networkId: r.networkId, confirmed: r.verdict === 'confirmed' })),
    [rows.map((r) => r.id)],
  );
  await setIndicatorNetworks(
    tx,
    rows.flatMap((r) => {
      const to = outcome.networkOf.get(r.id) ?? null;
      return to !== r.networkId && to !== null ? [{ id: r.id, networkId: to }] : [];
    }),
  );
  await addIndicatorLinks(tx, outcome.links);
}

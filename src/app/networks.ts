import type { Db } from '../store/connection.ts';
import { linksAmong, networkFigures, networkMembers, resolveNetworkId } from '../store/networks.ts';
import { neighboursOf, networkMember } from '../store/network-neighbours.ts';
import { notFound } from './errors.ts';

/** Kinds of identifier that live on one platform (for "platforms involved"). */
const PLATFORM_OF_KIND: Record<string, string> = { fb: 'facebook', zalo: 'zalo', telegram: 'telegram', tiktok: 'tiktok', instagram: 'instagram', x: 'x', youtube: 'youtube' };

export interface NetworkView {
  id: string;
  /** The id asked for, when it was a network since joined into this one. */
  requestedId: string;
  size: number;
  confirmed: number;
  confirmedShare: number;
  reports: number;
  moneyLostVnd: number;
  kinds: { kind: string; count: number }[];
  platforms: string[];
  fraudTypes: string[];
  members: { id: string; indicator: string; kind: string; display: string; verdict: string; reportCount: number }[];
  /** Links among the members shown: how many reports named both. */
  links: { aId: string; bId: string; reports: number }[];
  createdAt: string;
  updatedAt: string;
}

/** A network with its figures, members (most reported first) and links, for analysts. Old ids lead to the network they joined. */
export async function getNetwork(db: Db, requestedId: string, memberLimit: number): Promise<NetworkView> {
  const id = await resolveNetworkId(db, requestedId);
  const figures = id ? await networkFigures(db, id) : undefined;
  if (!figures) throw notFound('The network');
  const members = await networkMembers(db, figures.id, memberLimit);
  return {
    id: figures.id,
    requestedId,
    size: figures.size,
    confirmed: figures.confirmed,
    confirmedShare: figures.size > 0 ? figures.confirmed / figures.size : 0,
    reports: figures.reports,
    moneyLostVnd: figures.moneyLostVnd,
    kinds: figures.kinds,
    platforms: [...new Set(figures.kinds.map((k) => PLATFORM_OF_KIND[k.kind]).filter((p): p is string => p !== undefined))],
    fraudTypes: figures.fraudTypes,
    members,
    links: await linksAmong(
      db,
      members.map((m) => m.id),
    ),
    createdAt: figures.createdAt.toISOString(),
    updatedAt: figures.updatedAt.toISOString(),
  };
}

export interface NeighbourhoodView {
  networkId: string;
  member: NetworkView['members'][number];
  /** The members linked directly to it, most shared reports first (at most `limit`). */
  neighbours: NetworkView['members'];
  /** Links among the member and its neighbours. */
  links: NetworkView['links'];
}

/** One member of a network and what it is linked to directly, for expanding a drawing from a node. */
export async function getNeighbourhood(db: Db, requestedId: string, indicatorId: string, limit: number): Promise<NeighbourhoodView> {
  const id = await resolveNetworkId(db, requestedId);
  if (!id) throw notFound('The network');
  const member = await networkMember(db, id, indicatorId);
  if (!member) throw notFound('The member of this network');
  const neighbours = await neighboursOf(db, id, indicatorId, limit);
  return { networkId: id, member, neighbours, links: await linksAmong(db, [member.id, ...neighbours.map((n) => n.id)]) };
}

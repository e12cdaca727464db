import { randomUUID } from 'node:crypto';
import { TLP_MARKINGS } from '../domain/stix/markings.ts';
import { agencyIdentity, linkRelationship, objectsForIndicator, sightingObject, type StixObject } from '../domain/stix/objects.ts';
import type { Db } from '../store/connection.ts';
import { latestChange, networkHubs, readSharedPage, sightingTotals, type Position, type SharedRow } from '../store/feeds.ts';
import type { Caller } from './caller.ts';
import { badRequest } from './errors.ts';
import {
  BLOCKLIST_KINDS,
  MEDIA_TYPES,
  adblockHeader,
  adblockLine,
  csvHeader,
  csvLine,
  hostsHeader,
  hostsLine,
  jsonLine,
  rpzHeader,
  rpzLine,
  type FeedFormat,
} from './feeds-formats.ts';
import { START, decodeCursor, encodeCursor, positionAfter, settledBound, sharingLevelOf, type SharingLevel } from './feeds-sharing.ts';

/**
 * Feeds: a full export (what is listed now) or, with the cursor a previous export returned, an
 * incremental one (every change since, cleared identifiers included as removals). The export
 * ends at the latest change when it starts, so the returned cursor is known before the first
 * byte and the body is streamed page by page (no whole result in memory).
 */
export interface FeedRequest {
  format: FeedFormat;
  cursor?: string;
  kinds?: string[];
  pageSize?: number;
}

export interface FeedStream {
  mode: 'full' | 'incremental';
  mediaType: string;
  /** Give this back as `cursor` to get what changed after this export. */
  nextCursor: string;
  body: AsyncIterable<string>;
}

const DEFAULT_PAGE = 2000;

/** Rows in change order from `after` up to `notAfter`, a page at a time. */
export async function* sharedRows(db: Db, level: SharingLevel, o: { after: Position; notAfter: string | null; incremental: boolean; kinds?: string[]; pageSize?: number }): AsyncGenerator<SharedRow[]> {
  if (!o.notAfter) return;
  let after = o.after;
  const limit = o.pageSize ?? DEFAULT_PAGE;
  for (;;) {
    const rows = await readSharedPage(db, {
      tlps: level.tlps,
      verdicts: o.incremental ? [...level.listed, 'cleared'] : level.listed,
      kinds: o.kinds,
      after,
      notAfter: o.notAfter,
      limit,
    });
    if (rows.length) yield rows;
    if (rows.length < limit) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.addedAt, id: last.id };
  }
}

export async function openFeed(db: Db, caller: Caller, req: FeedRequest): Promise<FeedStream> {
  const level = await sharingLevelOf(db, caller);
  const blocklistKinds = BLOCKLIST_KINDS[req.format];
  if (blocklistKinds && req.cursor) throw badRequest('Blocker lists are always whole lists: reload them without a cursor.', [{ field: 'querystring:/cursor', message: 'Not for this format.' }]);
  const incremental = Boolean(req.cursor);
  const after = req.cursor ? decodeCursor(req.cursor, 'querystring:/cursor') : START;
  const notAfter = settledBound(await latestChange(db));
  const kinds = blocklistKinds ?? req.kinds;
  const pages = sharedRows(db, level, { after, notAfter, incremental, kinds, pageSize: req.pageSize });
  const generatedAt = new Date().toISOString();
  return {
    mode: incremental ? 'incremental' : 'full',
    mediaType: MEDIA_TYPES[req.format],
    // Never behind the cursor given (a quiet period must not move a reader back).
    nextCursor: encodeCursor(notAfter && notAfter > after.at ? positionAfter(notAfter) : after),
    body: render(db, req.format, pages, level, generatedAt, notAfter),
  };
}

async function* render(db: Db, format: FeedFormat, pages: AsyncGenerator<SharedRow[]>, level: SharingLevel, generatedAt: string, notAfter: string | null): AsyncGenerator<string> {
  switch (format) {
    case 'jsonl':
      for await (const rows of pages) yield rows.map(jsonLine).join('');
      return;
    case 'csv':
      yield csvHeader();
      for await (const rows of pages) yield rows.map(csvLine).join('');
      return;
    case 'hosts':
      yield hostsHeader(generatedAt);
      for await (const rows of pages) yield rows.map(hostsLine).join('');
      return;
    case 'adblock':
      yield adblockHeader(generatedAt);
      for await (const rows of pages) yield rows.map(adblockLine).join('');
      return;
    case 'rpz':
      yield rpzHeader('rpz.canhgiac.example', Math.floor(new Date(notAfter ?? 0).getTime() / 1000), generatedAt);
      for await (const rows of pages) yield rows.map(rpzLine).join('');
      return;
    case 'stix':
      yield* stixBundle(db, pages, level);
      return;
  }
}

/** The objects every bundle starts with: the agency's identity and the TLP markings used. */
export function preamble(level: SharingLevel): StixObject[] {
  return [agencyIdentity(), ...level.tlps.map((t) => TLP_MARKINGS[t] as unknown as StixObject)];
}

/** The STIX objects for a page of rows: per indicator its SDO, observable and relationship, then sightings. */
export async function stixObjectsForPage(db: Db, rows: SharedRow[], level: SharingLevel): Promise<StixObject[]> {
  const objects: StixObject[] = [];
  for (const r of rows) objects.push(...objectsForIndicator(r));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const s of await sightingTotals(db, rows.map((r) => r.id))) objects.push(sightingObject(byId.get(s.indicatorId)!, s));
  objects.push(...(await networkLinks(db, rows, level)));
  return objects;
}

/**
 * Indicators found in one scam network are linked `related-to` the network's first member the
 * caller may see (a star, not every pair), and only while both are listed.
 */
async function networkLinks(db: Db, rows: SharedRow[], level: SharingLevel): Promise<StixObject[]> {
  const linked = rows.filter((r) => r.networkId && r.verdict !== 'cleared');
  if (linked.length === 0) return [];
  const hubs = await networkHubs(db, [...new Set(linked.map((r) => r.networkId!))], level.tlps, level.listed);
  const hubIds = [...new Set(linked.map((r) => hubs.get(r.networkId!)).filter((h): h is string => Boolean(h)))];
  const hubRows = new Map((await readSharedPage(db, { tlps: level.tlps, verdicts: level.listed, ids: hubIds, limit: hubIds.length + 1 })).map((h) => [h.id, h]));
  const links: StixObject[] = [];
  for (const r of linked) {
    const hub = hubRows.get(hubs.get(r.networkId!) ?? '');
    if (hub && hub.id !== r.id) links.push(linkRelationship(r, hub));
  }
  return links;
}

async function* stixBundle(db: Db, pages: AsyncGenerator<SharedRow[]>, level: SharingLevel): AsyncGenerator<string> {
  yield `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`;
  yield preamble(level).map((o) => JSON.stringify(o)).join(',');
  for await (const rows of pages) {
    const objects = await stixObjectsForPage(db, rows, level);
    yield `,${objects.map((o) => JSON.stringify(o)).join(',')}`;
  }
  yield ']}\n';
}

import { sdoId } from '../domain/stix/ids.ts';
import { objectsForIndicator, type StixObject } from '../domain/stix/objects.ts';
import type { Db } from '../store/connection.ts';
import { readSharedPage, type Collection, type Position } from '../store/feeds.ts';
import type { Caller } from './caller.ts';
import { settledBound, sharingLevelOf } from './feeds-sharing.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

/**
 * The TAXII 2.1 read side: one API root (`api`) with the collections `confirmed`, `suspected`
 * (readable) and `submissions` (writable, for partners' pushes). A collection holds, per
 * indicator, its indicator SDO, its observable and the `based-on` relationship between them,
 * all "added" when the indicator last changed. Paging is a keyset over (date added, indicator
 * id, object index), so `next` stays exact however many objects share one timestamp, and an
 * object that changes while a client pages moves to the end (it is served again, as its new
 * version). The server keeps the latest version of each object.
 */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
export const MAX_PAGE = 1000;
const OBJECTS_PER_ROW = 3;

export interface TaxiiCollection {
  id: string;
  name: 'confirmed' | 'suspected' | 'submissions';
  title: string;
  description: string;
  can_read: boolean;
  can_write: boolean;
}

export const COLLECTIONS: TaxiiCollection[] = [
  { id: sdoId('x-collection', 'confirmed').split('--')[1]!, name: 'confirmed', title: 'Confirmed fraud indicators', description: 'Identifiers the agency or a trusted partner confirmed, with revoked versions when cleared.', can_read: true, can_write: false },
  { id: sdoId('x-collection', 'suspected').split('--')[1]!, name: 'suspected', title: 'Suspected fraud indicators', description: 'Reported identifiers pending verification; they expire unless reported again.', can_read: true, can_write: false },
  { id: sdoId('x-collection', 'submissions').split('--')[1]!, name: 'submissions', title: 'Partner submissions', description: 'Partners add indicators and observables here (POST); they enter as suspected, or confirmed where the partner is trusted for them.', can_read: false, can_write: true },
];

export function findCollection(id: string): TaxiiCollection {
  const c = COLLECTIONS.find((x) => x.id === id || x.name === id);
  if (!c) throw notFound('The collection');
  return c;
}

export function collectionResource(c: TaxiiCollection) {
  return { id: c.id, title: c.title, description: c.description, alias: c.name, can_read: c.can_read, can_write: c.can_write, media_types: [STIX_MEDIA_TYPE] };
}

/** The opaque `next`: base64url of the last served object's (date added, row id, index). */
interface TaxiiPosition extends Position {
  k: number;
}

export function encodeNext(p: TaxiiPosition): string {
  return Buffer.from(JSON.stringify([p.at, p.id, p.k])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function decodeNext(next: string): TaxiiPosition {
  try {
    const [at, id, k] = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && AT.test(at) && typeof id === 'string' && UUID.test(id) && Number.isInteger(k) && (k as number) >= 0 && (k as number) < OBJECTS_PER_ROW) return { at, id, k: k as number };
  } catch {
    // fall through
  }
  throw badRequest('The next parameter is not one this server gave.', [{ field: 'querystring:/next', message: 'Use the next of the previous page.' }]);
}

/** A TAXII timestamp filter (RFC 3339, UTC), checked and normalized to microseconds for SQL. */
function timestampParam(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) || Number.isNaN(new Date(value).getTime())) {
    throw badRequest(`${field} must be an RFC 3339 timestamp in UTC (ending in Z).`, [{ field: `querystring:/${field}`, message: 'For example 2026-11-28T10:00:00.000Z.' }]);
  }
  const [main, frac = ''] = value.slice(0, -1).split('.');
  return `${main}.${frac.slice(0, 6).padEnd(6, '0')}Z`;
}

export interface ObjectsQuery {
  added_after?: string;
  limit?: number;
  next?: string;
  'match[id]'?: string;
  'match[type]'?: string;
  'match[version]'?: string;
  'match[spec_version]'?: string;
}

export interface ServedObject {
  object: StixObject;
  dateAdded: string;
}

export interface ObjectsPage {
  items: ServedObject[];
  more: boolean;
  next?: string;
}

function csv(value: string | undefined): string[] | undefined {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** Indicator row ids named by `match[id]` (indicator and based-on relationship ids carry them). */
function rowIdsOf(ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const m = /^(indicator|relationship)--([0-9a-f-]{36})$/.exec(id);
    if (m && UUID.test(m[2]!)) out.push(m[2]!);
  }
  return out;
}

/** One page of a readable collection, for the objects and manifest endpoints. */
export async function collectionPage(db: Db, caller: Caller, collectionId: string, q: ObjectsQuery): Promise<ObjectsPage> {
  const collection = findCollection(collectionId);
  if (!collection.can_read) throw forbidden('This collection is write-only: partners add objects to it.');
  const level = await sharingLevelOf(db, caller);
  const limit = Math.min(Math.max(q.limit ?? MAX_PAGE, 1), MAX_PAGE);
  const addedAfter = timestampParam(q.added_after, 'added_after');
  const start = q.next ? decodeNext(q.next) : undefined;
  const ids = csv(q['match[id]']);
  const types = csv(q['match[type]']);
  const specVersions = csv(q['match[spec_version]']);
  const versions = csv(q['match[version]']);
  if (specVersions && !specVersions.includes('2.1')) return { items: [], more: false };
  const rowIds = ids ? rowIdsOf(ids) : undefined;
  if (rowIds && rowIds.length === 0) return { items: [], more: false };

  const notAfter = settledBound(`${new Date().toISOString().slice(0, 23)}999Z`) ?? undefined;
  const items: ServedObject[] = [];
  let lastPosition: TaxiiPosition | undefined;
  let after: Position | undefined = start ? { at: start.at, id: start.id } : undefined;
  let skipFirstRow = start ? { id: start.id, through: start.k } : undefined;
  // A row whose object start.k was the last served is read again (its later objects are due).
  if (start && start.k < OBJECTS_PER_ROW - 1) after = { at: start.at, id: previousUuid(start.id) };
  for (;;) {
    const rowLimit = Math.ceil(limit / OBJECTS_PER_ROW) + 2;
    const rows = await readSharedPage(db, {
      tlps: level.tlps,
      verdicts: [...level.listed, 'cleared'],
      collection: collection.name as Collection,
      after: mergeAfter(after, addedAfter),
      notAfter,
      ids: rowIds,
      limit: rowLimit,
    });
    for (const row of rows) {
      const objects = objectsForIndicator(row);
      for (let k = 0; k < objects.length; k++) {
        if (skipFirstRow && skipFirstRow.id === row.id && k <= skipFirstRow.through) continue;
        const o = objects[k]!;
        if (ids && !ids.includes(o.id)) continue;
        if (types && !types.includes(o.type)) continue;
        if (versions && !versions.some((v) => v === 'last' || v === 'all' || v === 'first' || v === o.modified)) continue;
        if (items.length === limit) return { items, more: true, next: encodeNext(lastPosition!) };
        items.push({ object: o, dateAdded: row.addedAt });
        lastPosition = { at: row.addedAt, id: row.id, k };
      }
      skipFirstRow = undefined;
    }
    if (rows.length < rowLimit) return { items, more: false };
    const last = rows[rows.length - 1]!;
    after = { at: last.addedAt, id: last.id };
  }
}

/** The keyset position just before `id` at the same timestamp, so the row itself is read again. */
function previousUuid(id: string): string {
  const hex = id.replace(/-/g, '');
  let n = BigInt(`0x${hex}`);
  if (n > 0n) n -= 1n;
  const h = n.toString(16).padStart(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function mergeAfter(after: Position | undefined, addedAfter: string | undefined): Position | undefined {
  const floor = addedAfter ? { at: addedAfter, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' } : undefined;
  if (!after) return floor;
  if (!floor) return after;
  return after.at > floor.at ? after : floor;
}

/** Everything served about one object id (an indicator or its relationship). */
export async function objectById(db: Db, caller: Caller, collectionId: string, objectId: string, q: ObjectsQuery): Promise<ObjectsPage> {
  const page = await collectionPage(db, caller, collectionId, { ...q, 'match[id]': objectId, next: undefined, added_after: q.added_after });
  if (page.items.length === 0) throw notFound('The object');
  return page;
}


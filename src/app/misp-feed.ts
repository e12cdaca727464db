import { eventUuid, hashLine, manifestEntry, mispEvent, type MispEventKey } from '../domain/misp/feed.ts';
import type { Db } from '../store/connection.ts';
import { latestChange, mispEventGroups, readSharedPage, type SharedRow } from '../store/feeds.ts';
import type { Caller } from './caller.ts';
import { notFound } from './errors.ts';
import { START, sharingLevelOf, type SharingLevel } from './feeds-sharing.ts';
import { sharedRows } from './feeds.ts';

/**
 * The MISP feed, filtered by the caller's sharing level like every feed: a MISP instance adds
 * it as a feed of type "MISP Feed" with the caller's API key in a header. Events change when
 * one of their identifiers changes (its timestamp moves), which is how MISP knows to fetch
 * them again.
 */
const MAX_EVENT_ROWS = 50_000;

async function groups(db: Db, level: SharingLevel) {
  return mispEventGroups(db, level.tlps, [...level.listed, 'cleared']);
}

export async function mispManifest(db: Db, caller: Caller): Promise<Record<string, ReturnType<typeof manifestEntry>>> {
  const level = await sharingLevelOf(db, caller);
  const manifest: Record<string, ReturnType<typeof manifestEntry>> = {};
  for (const g of await groups(db, level)) manifest[eventUuid(g)] = manifestEntry(g, g.lastChange);
  return manifest;
}

export async function mispEventFile(db: Db, caller: Caller, file: string) {
  const uuid = /^([0-9a-f-]{36})\.json$/.exec(file)?.[1];
  if (!uuid) throw notFound('The event');
  const level = await sharingLevelOf(db, caller);
  const key: MispEventKey | undefined = (await groups(db, level)).find((g) => eventUuid(g) === uuid);
  if (!key) throw notFound('The event');
  const rows: SharedRow[] = await readSharedPage(db, {
    tlps: [key.tlp],
    verdicts: [...level.listed, 'cleared'],
    firstSeenDay: key.day,
    primaryFraudType: key.fraudType,
    limit: MAX_EVENT_ROWS,
  });
  return mispEvent({ day: key.day, fraudType: key.fraudType, tlp: key.tlp }, rows);
}

/** `hashes.csv`, streamed: one line per attribute the caller may see. */
export async function* mispHashes(db: Db, caller: Caller): AsyncGenerator<string> {
  const level = await sharingLevelOf(db, caller);
  const notAfter = await latestChange(db);
  for await (const rows of sharedRows(db, level, { after: START, notAfter, incremental: true })) {
    yield rows
      .map((r) => hashLine(r, eventUuid({ day: r.firstSeenAt.toISOString().slice(0, 10), fraudType: r.fraudTypes[0] ?? 'other', tlp: r.tlp })))
      .join('');
  }
}

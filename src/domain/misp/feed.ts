import { createHash } from 'node:crypto';
import type { SharedIndicator } from '../stix/objects.ts';
import type { Tlp } from '../indicators/verdicts.ts';
import { uuidV5, CANHGIAC_NAMESPACE } from '../stix/ids.ts';

/**
 * The MISP feed format (what MISP's "Add feed" → MISP feed reads): `manifest.json` lists the
 * events, each event is `<uuid>.json`, and `hashes.csv` holds `md5(value),event uuid` per
 * attribute for MISP's caching and correlation. The exchange publishes one event per day
 * (the day an identifier was first seen), fraud type and TLP, so an identifier stays in one
 * event for good and the event's TLP tag is exact. Cleared identifiers stay in their event
 * with `deleted: true` and `to_ids: false`.
 */
export interface MispEventKey {
  day: string;
  fraudType: string;
  tlp: Tlp;
}

export const ORGC = { name: 'Canh Giác', uuid: uuidV5(CANHGIAC_NAMESPACE, 'misp:orgc') };

const TLP_COLOURS: Record<Tlp, string> = { clear: '#ffffff', green: '#33ff00', amber: '#ffc000', red: '#ff0033' };

export function eventUuid(k: MispEventKey): string {
  return uuidV5(CANHGIAC_NAMESPACE, `misp-event:${k.day}:${k.fraudType}:${k.tlp}`);
}

export function eventTags(k: MispEventKey) {
  return [
    { name: `tlp:${k.tlp}`, colour: TLP_COLOURS[k.tlp], exportable: true },
    { name: `canhgiac-fraud-type="${k.fraudType}"`, colour: '#0088cc', exportable: true },
  ];
}

export function eventInfo(k: MispEventKey): string {
  return `Canh Giác fraud indicators — ${k.fraudType.replace(/_/g, ' ')} — first seen ${k.day} (TLP:${k.tlp.toUpperCase()})`;
}

export function unixSeconds(d: Date): string {
  return String(Math.floor(d.getTime() / 1000));
}

export function manifestEntry(k: MispEventKey, lastChange: Date) {
  return {
    info: eventInfo(k),
    Orgc: ORGC,
    Tag: eventTags(k),
    date: k.day,
    analysis: '2',
    threat_level_id: '2',
    timestamp: unixSeconds(lastChange),
    publish_timestamp: unixSeconds(lastChange),
  };
}

/** The MISP attribute type and category for an identifier, and the value MISP stores. */
export function attributeOf(s: Pick<SharedIndicator, 'indicator' | 'display'>): { type: string; category: string; value: string; comment: string } {
  const at = s.indicator.indexOf(':');
  const kind = s.indicator.slice(0, at);
  const value = s.indicator.slice(at + 1);
  const note = `Canh Giác ${s.indicator}`;
  switch (kind) {
    case 'url':
      return { type: 'url', category: 'Network activity', value, comment: note };
    case 'domain':
      return { type: 'domain', category: 'Network activity', value, comment: note };
    case 'email':
      return { type: 'email-src', category: 'Payload delivery', value, comment: note };
    case 'phone':
      return { type: 'phone-number', category: 'Financial fraud', value, comment: note };
    case 'bank': {
      const [bin, ...rest] = value.split(':');
      return { type: 'bank-account-nr', category: 'Financial fraud', value: rest.join(':'), comment: `${note} (bank BIN ${bin}, ${s.display})` };
    }
    case 'crypto': {
      const c = value.indexOf(':');
      const chain = value.slice(0, c);
      const address = value.slice(c + 1);
      return chain === 'btc'
        ? { type: 'btc', category: 'Financial fraud', value: address, comment: note }
        : { type: 'text', category: 'Financial fraud', value: address, comment: `${note} (${chain} wallet)` };
    }
    default:
      // Social accounts: their profile address where they have one, otherwise the canonical string.
      return /^https?:\/\//.test(s.display)
        ? { type: 'url', category: 'Social network', value: s.display, comment: `${note} (${kind} account)` }
        : { type: 'text', category: 'Social network', value: s.indicator, comment: `${note} (${kind} account)` };
  }
}

export function mispAttribute(s: SharedIndicator) {
  const a = attributeOf(s);
  const cleared = s.verdict === 'cleared';
  return {
    uuid: uuidV5(CANHGIAC_NAMESPACE, `misp-attribute:${s.id}`),
    type: a.type,
    category: a.category,
    value: a.value,
    to_ids: !cleared && s.verdict === 'confirmed',
    deleted: cleared,
    timestamp: unixSeconds(s.updatedAt),
    first_seen: s.firstSeenAt.toISOString(),
    comment: a.comment,
    distribution: '5',
    Tag: [{ name: `tlp:${s.tlp}`, colour: TLP_COLOURS[s.tlp], exportable: true }, { name: `canhgiac:verdict="${s.verdict}"`, colour: '#666666', exportable: true }],
  };
}

export function mispEvent(k: MispEventKey, rows: SharedIndicator[]) {
  const last = rows.reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), new Date(0));
  return {
    Event: {
      uuid: eventUuid(k),
      info: eventInfo(k),
      date: k.day,
      threat_level_id: '2',
      analysis: '2',
      published: true,
      timestamp: unixSeconds(last),
      publish_timestamp: unixSeconds(last),
      distribution: '3',
      Orgc: ORGC,
      Tag: eventTags(k),
      Attribute: rows.map(mispAttribute),
    },
  };
}

/** One `hashes.csv` line: MISP's feed cache keys an attribute by md5 of its value. */
export function hashLine(s: Pick<SharedIndicator, 'indicator' | 'display'>, event: string): string {
  return `${createHash('md5').update(attributeOf(s).value).digest('hex')},${event}\n`;
}

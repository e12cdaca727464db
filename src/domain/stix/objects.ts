import type { OrganizationKind } from '../auth/roles.ts';
import type { Tlp, Verdict } from '../indicators/verdicts.ts';
import { sdoId } from './ids.ts';
import { TLP_MARKINGS } from './markings.ts';
import { OPENCTI_OBSERVABLE_TYPE, observableFrom, observableProperties, patternOf, toObservable, type StixObservable } from './observables.ts';

/** One STIX object as served (plain JSON). */
export type StixObject = Record<string, unknown> & { type: string; id: string };

/** What the exchange shares about one indicator: the row's public fields, nothing about reporters. */
export interface SharedIndicator {
  /** The database id: the indicator SDO's UUID, stable for the life of the identifier. */
  id: string;
  indicator: string;
  display: string;
  verdict: Verdict;
  confidence: number;
  tlp: Tlp;
  fraudTypes: string[];
  reportCount: number;
  platformConfirmations: number;
  firstSeenAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
}

export const AGENCY_IDENTITY_ID = sdoId('identity', 'canhgiac:agency');
const AGENCY_CREATED = '2026-01-01T00:00:00.000Z';

/** The publishing agency: every object the exchange serves is created by it. */
export function agencyIdentity(): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: AGENCY_IDENTITY_ID,
    created: AGENCY_CREATED,
    modified: AGENCY_CREATED,
    name: 'Canh Giác — national online anti-fraud exchange',
    identity_class: 'organization',
    sectors: ['government-national'],
    contact_information: 'Viet Nam',
    object_marking_refs: [TLP_MARKINGS.clear.id],
  };
}

const SECTORS: Record<OrganizationKind, string[]> = {
  agency: ['government-national'],
  platform: ['technology'],
  bank: ['financial-services'],
  telco: ['telecommunications'],
  other: [],
};

/** A partner organization (platform, bank, telco) as a STIX identity, e.g. for sightings or received objects. */
export function organizationIdentity(org: { id: string; name: string; kind: OrganizationKind; createdAt: Date }): StixObject {
  const created = org.createdAt.toISOString();
  return {
    type: 'identity',
    spec_version: '2.1',
    id: sdoId('identity', `canhgiac:organization:${org.id}`),
    created,
    modified: created,
    name: org.name,
    identity_class: 'organization',
    ...(SECTORS[org.kind].length ? { sectors: SECTORS[org.kind] } : {}),
    object_marking_refs: [TLP_MARKINGS.clear.id],
  };
}

function iso(d: Date): string {
  return d.toISOString();
}

function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * The indicator SDO. Its id is the database id (a UUIDv4 assigned once, so every version of the
 * indicator has the same id); `modified` is the last change; a cleared identifier is a new
 * version with `revoked: true`, so incremental pollers learn to drop it.
 */
export function indicatorObject(s: SharedIndicator, observable = observableProperties(s.indicator), times = timesOf(s)): StixObject {
  const validUntil = s.verdict === 'suspected' && s.expiresAt && s.expiresAt.getTime() > s.firstSeenAt.getTime() ? { valid_until: iso(s.expiresAt) } : {};
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${s.id}`,
    created_by_ref: AGENCY_IDENTITY_ID,
    created: times.created,
    modified: times.modified,
    name: s.display,
    description: `${DESCRIBED[s.verdict]} fraud identifier (${s.fraudTypes.join(', ') || 'unspecified'}); ${s.reportCount} report(s), ${s.platformConfirmations} platform confirmation(s).`,
    indicator_types: [s.verdict === 'confirmed' ? 'malicious-activity' : 'anomalous-activity'],
    pattern: patternOf(observable),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: times.created,
    ...validUntil,
    confidence: s.confidence,
    labels: [s.verdict, ...s.fraudTypes.map((f) => `fraud-type:${f}`)],
    revoked: s.verdict === 'cleared',
    object_marking_refs: [TLP_MARKINGS[s.tlp].id],
    x_canhgiac_indicator: s.indicator,
    x_canhgiac_verdict: s.verdict,
    x_opencti_score: s.confidence,
    x_opencti_main_observable_type: OPENCTI_OBSERVABLE_TYPE[observable.type],
  };
}

const DESCRIBED: Record<Verdict, string> = { confirmed: 'Confirmed', suspected: 'Suspected', disputed: 'Disputed', cleared: 'Cleared' };

/** created = first seen; modified = the last change, never before created. */
function timesOf(s: SharedIndicator): { created: string; modified: string } {
  return { created: iso(s.firstSeenAt), modified: iso(later(s.updatedAt, s.firstSeenAt)) };
}

export function observableObject(s: SharedIndicator): StixObservable {
  return toObservable(s.indicator, [TLP_MARKINGS[s.tlp].id]);
}

/**
 * indicator `based-on` its observable. The relationship's UUID is the indicator's, under its
 * own type, so it is stable and can be found again by id.
 */
export function basedOnRelationship(s: SharedIndicator, observableId: string, times = timesOf(s)): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--${s.id}`,
    created_by_ref: AGENCY_IDENTITY_ID,
    created: times.created,
    modified: times.modified,
    relationship_type: 'based-on',
    source_ref: `indicator--${s.id}`,
    target_ref: observableId,
    revoked: s.verdict === 'cleared',
    object_marking_refs: [TLP_MARKINGS[s.tlp].id],
  };
}

/** Two indicators found together (same scam network): `related-to`, id from both ids. */
export function linkRelationship(a: SharedIndicator, b: SharedIndicator): StixObject {
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  const created = later(first.firstSeenAt, second.firstSeenAt);
  const modified = later(later(first.updatedAt, second.updatedAt), created);
  const tlpOrder: Tlp[] = ['clear', 'green', 'amber', 'red'];
  const tlp = tlpOrder[Math.max(tlpOrder.indexOf(first.tlp), tlpOrder.indexOf(second.tlp))]!;
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: sdoId('relationship', `related-to:${first.id}:${second.id}`),
    created_by_ref: AGENCY_IDENTITY_ID,
    created: iso(created),
    modified: iso(modified),
    relationship_type: 'related-to',
    source_ref: `indicator--${first.id}`,
    target_ref: `indicator--${second.id}`,
    revoked: first.verdict === 'cleared' || second.verdict === 'cleared',
    object_marking_refs: [TLP_MARKINGS[tlp].id],
  };
}

/**
 * Partners' sightings of an indicator, aggregated per kind: the exchange says how often its
 * partners saw it, not which partner did (where_sighted_refs names the exchange).
 */
export function sightingObject(s: SharedIndicator, sighting: { type: 'seen' | 'false_positive' | 'gone'; count: number; firstSeen: Date; lastSeen: Date }): StixObject {
  const first = sighting.firstSeen;
  const last = later(sighting.lastSeen, first);
  return {
    type: 'sighting',
    spec_version: '2.1',
    id: sdoId('sighting', `${s.id}:${sighting.type}`),
    created_by_ref: AGENCY_IDENTITY_ID,
    created: iso(first),
    modified: iso(last),
    sighting_of_ref: `indicator--${s.id}`,
    where_sighted_refs: [AGENCY_IDENTITY_ID],
    count: Math.min(sighting.count, 999_999_999),
    first_seen: iso(first),
    last_seen: iso(last),
    summary: false,
    object_marking_refs: [TLP_MARKINGS[s.tlp].id],
    x_canhgiac_sighting_type: sighting.type,
    ...(sighting.type === 'false_positive' ? { x_opencti_negative: true } : {}),
  };
}

/** The indicator, its observable and the relationship between them, in that order. */
export function objectsForIndicator(s: SharedIndicator): StixObject[] {
  const props = observableProperties(s.indicator);
  const times = timesOf(s);
  const observable = observableFrom(props, s.indicator, [TLP_MARKINGS[s.tlp].id]);
  return [indicatorObject(s, props, times), observable, basedOnRelationship(s, observable.id, times)];
}

import { parsePattern } from './pattern.ts';

/**
 * Checks one STIX 2.1 object against the specification's rules (STIX Version 2.1, OASIS
 * Standard): the common properties (sections 3.1–3.2), identifiers (2.9), timestamps (3.2),
 * the types the exchange serves and receives (identity 4.5, indicator 4.7, relationship 5.1,
 * sighting 5.2, marking-definition 7.2, the SCOs of section 6 and OpenCTI's custom ones) and
 * patterns (section 9, syntax). Returns the problems found; an empty list is a valid object.
 */
export interface StixProblem {
  property: string;
  message: string;
}

const TYPE_NAME = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,248}[a-z0-9]$/;
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** RFC 3339, upper-case T, UTC only (Z), optional fractional seconds. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

const SDO_TYPES = new Set([
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator', 'infrastructure', 'intrusion-set',
  'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion', 'report', 'threat-actor', 'tool', 'vulnerability',
]);
const SRO_TYPES = new Set(['relationship', 'sighting']);
const SCO_REQUIRED: Record<string, string[]> = {
  url: ['value'],
  'domain-name': ['value'],
  'email-addr': ['value'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'user-account': [],
  // OpenCTI's custom observables.
  'phone-number': ['value'],
  'bank-account': [],
  'cryptocurrency-wallet': ['value'],
};
const IDENTITY_CLASSES = new Set(['individual', 'group', 'system', 'organization', 'class', 'unknown']);

export function isStixId(value: unknown, type?: string | readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  const at = value.indexOf('--');
  if (at < 0) return false;
  const t = value.slice(0, at);
  if (!TYPE_NAME.test(t)) return false;
  if (type !== undefined && !(typeof type === 'string' ? [type] : type).includes(t)) return false;
  return UUID.test(value.slice(at + 2));
}

export function isStixTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s === 60 ? 59 : s!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! < 24 && mi! < 60 && s! <= 60;
}

/** Compares two valid STIX timestamps, fractional seconds included (beyond milliseconds). */
function compareTimestamps(a: string, b: string): number {
  const pad = (t: string) => {
    const [main, frac = ''] = t.slice(0, -1).split('.');
    return `${main}.${frac.padEnd(9, '0')}`;
  };
  const x = pad(a);
  const y = pad(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function validateStixObject(obj: unknown): StixProblem[] {
  const problems: StixProblem[] = [];
  const fail = (property: string, message: string) => problems.push({ property, message });
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return [{ property: '', message: 'An object is required.' }];
  const o = obj as Record<string, unknown>;
  const type = o.type;
  if (typeof type !== 'string' || !TYPE_NAME.test(type)) {
    fail('type', 'Required: 3–250 characters, a-z, 0-9 and single hyphens.');
    return problems;
  }
  for (const key of Object.keys(o)) {
    if (key !== 'id' && !PROPERTY_NAME.test(key)) fail(key, 'Property names are 3–250 characters of a-z, 0-9 and underscore.');
  }
  const isSco = type in SCO_REQUIRED;
  const isMarking = type === 'marking-definition';
  const isSdoOrSro = SDO_TYPES.has(type) || SRO_TYPES.has(type) || (!isSco && !isMarking && type !== 'bundle');

  if (!isStixId(o.id, type)) fail('id', `Required: "${type}--" followed by an RFC 4122 UUID.`);
  if (isSco) {
    if (o.spec_version !== undefined && o.spec_version !== '2.1') fail('spec_version', 'Must be "2.1" when present.');
  } else if (o.spec_version !== '2.1') fail('spec_version', 'Required: "2.1".');

  const timestamps = ['created', 'modified', 'valid_from', 'valid_until', 'first_seen', 'last_seen', 'first_observed', 'last_observed'];
  for (const key of timestamps) {
    if (o[key] !== undefined && !isStixTimestamp(o[key])) fail(key, 'An RFC 3339 timestamp in UTC, ending in "Z".');
  }
  if (isSdoOrSro || isMarking) {
    if (o.created === undefined) fail('created', 'Required.');
  }
  if (isSdoOrSro) {
    if (o.modified === undefined) fail('modified', 'Required.');
    if (isStixTimestamp(o.created) && isStixTimestamp(o.modified) && compareTimestamps(o.modified, o.created) < 0) fail('modified', 'Must not be earlier than created.');
  }
  if (o.created_by_ref !== undefined && !isStixId(o.created_by_ref, 'identity')) fail('created_by_ref', 'Must be an identity id.');
  if (o.revoked !== undefined && typeof o.revoked !== 'boolean') fail('revoked', 'A boolean.');
  if (o.labels !== undefined && !(Array.isArray(o.labels) && o.labels.every((l) => typeof l === 'string' && l.length > 0))) fail('labels', 'A list of non-empty strings.');
  if (o.confidence !== undefined && !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)) fail('confidence', 'An integer from 0 to 100.');
  if (o.object_marking_refs !== undefined) {
    if (!Array.isArray(o.object_marking_refs) || !o.object_marking_refs.every((r) => isStixId(r, 'marking-definition'))) fail('object_marking_refs', 'A list of marking-definition ids.');
  }
  if (isSco && (o.created !== undefined || o.modified !== undefined || o.created_by_ref !== undefined)) fail('created', 'Cyber-observables have no created, modified or created_by_ref.');

  switch (type) {
    case 'identity':
      if (typeof o.name !== 'string' || !o.name) fail('name', 'Required.');
      if (o.identity_class !== undefined && !IDENTITY_CLASSES.has(o.identity_class as string)) fail('identity_class', 'Not in identity-class-ov.');
      break;
    case 'indicator': {
      if (typeof o.pattern !== 'string' || !o.pattern) fail('pattern', 'Required.');
      if (typeof o.pattern_type !== 'string' || !o.pattern_type) fail('pattern_type', 'Required.');
      if (o.valid_from === undefined) fail('valid_from', 'Required.');
      if (isStixTimestamp(o.valid_from) && isStixTimestamp(o.valid_until) && compareTimestamps(o.valid_until, o.valid_from) <= 0) fail('valid_until', 'Must be later than valid_from.');
      if (o.indicator_types !== undefined && !(Array.isArray(o.indicator_types) && o.indicator_types.every((t) => typeof t === 'string'))) fail('indicator_types', 'A list of strings.');
      if (o.pattern_type === 'stix' && typeof o.pattern === 'string') {
        const parsed = parsePattern(o.pattern);
        if (!parsed.ok) fail('pattern', `Not a valid STIX pattern: ${parsed.error} (at ${parsed.at}).`);
      }
      break;
    }
    case 'relationship':
      if (typeof o.relationship_type !== 'string' || !/^[a-z0-9-]+$/.test(o.relationship_type)) fail('relationship_type', 'Required: lower case, digits and hyphens.');
      if (!isStixId(o.source_ref)) fail('source_ref', 'Required: an object id.');
      if (!isStixId(o.target_ref)) fail('target_ref', 'Required: an object id.');
      for (const ref of ['source_ref', 'target_ref'] as const) {
        const t = typeof o[ref] === 'string' ? (o[ref] as string).split('--')[0]! : '';
        if (t === 'bundle' || t === 'marking-definition' || SRO_TYPES.has(t)) fail(ref, 'Must not point to a bundle, marking or relationship.');
      }
      break;
    case 'sighting':
      if (!isStixId(o.sighting_of_ref)) fail('sighting_of_ref', 'Required: an SDO id.');
      if (o.count !== undefined && !(Number.isInteger(o.count) && (o.count as number) >= 0 && (o.count as number) <= 999_999_999)) fail('count', 'An integer from 0 to 999,999,999.');
      if (isStixTimestamp(o.first_seen) && isStixTimestamp(o.last_seen) && compareTimestamps(o.last_seen, o.first_seen) < 0) fail('last_seen', 'Must not be earlier than first_seen.');
      if (o.where_sighted_refs !== undefined && !(Array.isArray(o.where_sighted_refs) && o.where_sighted_refs.every((r) => isStixId(r, ['identity', 'location'])))) fail('where_sighted_refs', 'A list of identity or location ids.');
      break;
    case 'marking-definition': {
      const hasDefinition = o.definition_type !== undefined || o.definition !== undefined;
      if (hasDefinition && (typeof o.definition_type !== 'string' || !o.definition || typeof o.definition !== 'object')) fail('definition', 'definition_type and definition go together.');
      if (!hasDefinition && o.extensions === undefined) fail('definition', 'A definition (or an extension) is required.');
      if (o.definition_type === 'tlp' && !['white', 'green', 'amber', 'red'].includes((o.definition as { tlp?: string })?.tlp ?? '')) fail('definition', 'A TLP definition names white, green, amber or red.');
      break;
    }
    case 'bundle':
      if (!Array.isArray(o.objects)) fail('objects', 'A list.');
      break;
    default:
      break;
  }
  if (isSco) {
    for (const key of SCO_REQUIRED[type]!) if (typeof o[key] !== 'string' || !o[key]) fail(key, 'Required.');
    if (type === 'user-account' && o.user_id === undefined && o.account_login === undefined) fail('user_id', 'A user account names at least a user_id or an account_login.');
    if (type === 'bank-account' && !o.account_number && !o.iban) fail('account_number', 'A bank account has an account_number or an iban.');
  }
  return problems;
}

import type { IdentifierKind } from '../identifiers/types.ts';
import { scoId } from './ids.ts';

/**
 * A canonical identifier (`kind:value`) as a STIX cyber-observable and the STIX pattern that
 * matches it. URLs, domains and e-mail addresses are the standard SCOs; social accounts are
 * `user-account` with `account_type`; phone numbers, bank accounts and crypto wallets are the
 * custom observables OpenCTI defines (`phone-number`, `bank-account`, `cryptocurrency-wallet`,
 * each with `value` or `account_number`). `x_canhgiac_indicator` carries the canonical string,
 * so reading an object back gives exactly the identifier that was served.
 */
export type StixObservable = Record<string, unknown> & { type: string; id: string; spec_version: '2.1' };

/** Social identifier kinds and the STIX `account_type` (account-type-ov where it has one). */
export const ACCOUNT_TYPES: Partial<Record<IdentifierKind, string>> = {
  fb: 'facebook',
  zalo: 'zalo',
  telegram: 'telegram',
  tiktok: 'tiktok',
  instagram: 'instagram',
  x: 'twitter',
  youtube: 'youtube',
};

function splitIndicator(indicator: string): { kind: IdentifierKind; value: string } {
  const at = indicator.indexOf(':');
  return { kind: indicator.slice(0, at) as IdentifierKind, value: indicator.slice(at + 1) };
}

/** The observable's own properties (without id, markings): what the id and the pattern use. */
export function observableProperties(indicator: string): { type: string; props: Record<string, string>; idProps: Record<string, string> } {
  const { kind, value } = splitIndicator(indicator);
  switch (kind) {
    case 'url':
      return { type: 'url', props: { value }, idProps: { value } };
    case 'domain':
      return { type: 'domain-name', props: { value }, idProps: { value } };
    case 'email':
      return { type: 'email-addr', props: { value }, idProps: { value } };
    case 'phone':
      return { type: 'phone-number', props: { value }, idProps: { value } };
    case 'bank': {
      const [bin, ...rest] = value.split(':');
      const account = rest.join(':');
      const idProps = { account_number: account, x_canhgiac_bin: bin! };
      // OpenCTI's Bank-Account (pycti) requires `value`; Vietnamese accounts have no IBAN, so the
      // account stays in `account_number` with the bank's NAPAS BIN beside it. The id is unchanged.
      return { type: 'bank-account', props: { value: `${bin}:${account}`, ...idProps }, idProps };
    }
    case 'crypto': {
      const at = value.indexOf(':');
      const props = { value: value.slice(at + 1), x_canhgiac_chain: value.slice(0, at) };
      return { type: 'cryptocurrency-wallet', props, idProps: { value: props.value } };
    }
    default: {
      const accountType = ACCOUNT_TYPES[kind] ?? kind;
      const props = { account_type: accountType, user_id: value };
      return { type: 'user-account', props, idProps: props };
    }
  }
}

export type ObservableProperties = ReturnType<typeof observableProperties>;

export function observableFrom({ type, props, idProps }: ObservableProperties, indicator: string, markingRefs: string[]): StixObservable {
  return { type, spec_version: '2.1', id: scoId(type, idProps), ...props, object_marking_refs: markingRefs, x_canhgiac_indicator: indicator };
}

export function toObservable(indicator: string, markingRefs: string[]): StixObservable {
  return observableFrom(observableProperties(indicator), indicator, markingRefs);
}

/** Quotes a STIX pattern string literal: backslash and single quote are escaped. */
export function patternString(value: string): string {
  if (!value.includes("'") && !value.includes('\\')) return `'${value}'`;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `[type:prop = 'v' AND type:prop2 = 'w']` over the observable's properties. */
export function patternFor(indicator: string): string {
  return patternOf(observableProperties(indicator));
}

export function patternOf({ type, props }: ObservableProperties): string {
  const parts = Object.entries(props).map(([k, v]) => `${type}:${k} = ${patternString(v)}`);
  return `[${parts.join(' AND ')}]`;
}

/** The `x_opencti_main_observable_type` OpenCTI reads to create the observable from an indicator. */
export const OPENCTI_OBSERVABLE_TYPE: Record<string, string> = {
  url: 'Url',
  'domain-name': 'Domain-Name',
  'email-addr': 'Email-Addr',
  'phone-number': 'Phone-Number',
  'bank-account': 'Bank-Account',
  'cryptocurrency-wallet': 'Cryptocurrency-Wallet',
  'user-account': 'User-Account',
};

const KIND_OF_ACCOUNT_TYPE = new Map(Object.entries(ACCOUNT_TYPES).map(([k, v]) => [v, k as IdentifierKind]));

/**
 * The identifier a received observable (or the properties of a pattern) names, as raw input
 * for the canonicalizer with its kind; null when the type is not one the exchange keeps.
 */
export function identifierOfProperties(type: string, props: Record<string, unknown>): { raw: string; kind: IdentifierKind } | null {
  const str = (k: string) => (typeof props[k] === 'string' ? (props[k] as string) : undefined);
  const given = str('x_canhgiac_indicator');
  if (given && given.includes(':')) {
    const kind = given.slice(0, given.indexOf(':')) as IdentifierKind;
    return { raw: given, kind };
  }
  switch (type) {
    case 'url':
      return str('value') ? { raw: str('value')!, kind: 'url' } : null;
    case 'domain-name':
      return str('value') ? { raw: str('value')!, kind: 'domain' } : null;
    case 'email-addr':
      return str('value') ? { raw: str('value')!, kind: 'email' } : null;
    case 'phone-number':
      return str('value') ? { raw: str('value')!, kind: 'phone' } : null;
    case 'bank-account': {
      const account = str('account_number');
      const bin = str('x_canhgiac_bin');
      if (!account) return null;
      return { raw: bin ? `${bin}:${account}` : account, kind: 'bank' };
    }
    case 'cryptocurrency-wallet':
      return str('value') ? { raw: str('value')!, kind: 'crypto' } : null;
    case 'user-account': {
      const kind = KIND_OF_ACCOUNT_TYPE.get(str('account_type') ?? '');
      const id = str('user_id') ?? str('account_login');
      return kind && id ? { raw: `${kind}:${id}`, kind } : null;
    }
    default:
      return null;
  }
}

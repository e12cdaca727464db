import { domainToASCII, domainToUnicode } from 'node:url';
import { fail, ok, type CanonResult } from './types.ts';

/**
 * Email addresses → `email:<local>@<ascii-domain>`, e.g. `email:a@b.vn`; displayed with the
 * Unicode domain. The whole address is lower-cased: RFC 5321 lets the local part be
 * case-sensitive, but no mail provider a scammer uses treats it so, and a reporter's
 * capitalisation must not split one address into two indicators. Provider-specific rules
 * (Gmail dots, `+tags`) are left alone because they do not hold for other providers.
 */

const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;
/** RFC 5322 dot-atom characters; quoted local parts are not accepted (never seen in reports). */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function canonicalizeEmail(raw: string): CanonResult {
  if (typeof raw !== 'string') return fail('empty', 'No email address given.');
  let s = raw.trim();
  if (s.length === 0) return fail('empty', 'No email address given.');
  const colon = s.indexOf(':');
  if (colon === 5 || colon === 6) {
    const prefix = s.slice(0, 7).toLowerCase();
    if (prefix.startsWith('email:')) s = s.slice(6).trim();
    else if (prefix === 'mailto:') s = s.slice(7).trim();
  }
  // Angle brackets come from copied headers: "Name <a@b.vn>".
  const angle = s.indexOf('>') >= 0 ? /<([^<>]+)>\s*$/.exec(s) : null;
  if (angle) s = angle[1]!.trim();
  if (s.length > MAX_ADDRESS * 4) return fail('email_invalid', 'The input is too long to be an email address.');

  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return fail('email_invalid', 'An email address has the form name@domain.');
  const local = s.slice(0, at).toLowerCase();
  let domainInput = s.slice(at + 1);
  // Full-width and ideographic dots are what IDNA maps to "." as well.
  if (!isAscii(domainInput)) domainInput = domainInput.replace(/[\u3002\uff0e\uff61]/g, '.');
  if (domainInput.endsWith('.')) domainInput = domainInput.slice(0, -1);
  if (local.length > MAX_LOCAL || !LOCAL.test(local)) return fail('email_invalid', 'The part before @ is not a valid mailbox name.');

  let domain = domainInput.toLowerCase();
  // domainToASCII costs ~20 µs; plain ASCII domains only need the label checks below.
  if (!/^[a-z0-9.-]+$/.test(domain) || domain.includes('xn--')) {
    try {
      domain = domainToASCII(domain);
    } catch {
      domain = '';
    }
  }
  if (!domain) return fail('email_invalid', 'The part after @ is not a valid domain name.');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1]!)) {
    return fail('email_invalid', 'The part after @ is not a valid domain name.');
  }
  const address = `${local}@${domain}`;
  if (address.length > MAX_ADDRESS) return fail('email_invalid', 'An email address has at most 254 characters.');
  let display = address;
  if (domain.includes('xn--')) {
    try {
      display = `${local}@${domainToUnicode(domain) || domain}`;
    } catch {
      display = address;
    }
  }
  return ok('email', address, display);
}

/**
 * The two functions of `node:url` that the shared identifier code (src/domain/identifiers) uses,
 * for the browser build. Both follow the WHATWG URL standard's domain-to-ASCII (UTS #46), as
 * Node's do: the browser's own URL parser does the work, and an invalid domain gives '' as in Node.
 */
import { toUnicode } from 'punycode/punycode.es6.js';

/** A host name no real domain is given as: left in place means the setter refused the text. */
const SENTINEL = 'unset.invalid';

export function domainToASCII(domain: string): string {
  // Node's answer is what the URL standard's hostname setter makes of the text: it stops at
  // "/", "?", "#" or "\\", and fails on a port (":"), user info ("@") or anything invalid.
  const url = new URL(`http://${SENTINEL}/`);
  url.hostname = domain;
  return url.hostname === SENTINEL && domain !== SENTINEL ? '' : url.hostname;
}

export function domainToUnicode(domain: string): string {
  const ascii = domainToASCII(domain);
  if (ascii === '') return '';
  try {
    return toUnicode(ascii);
  } catch {
    return '';
  }
}

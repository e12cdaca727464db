/**
 * The two functions of `node:url` that the shared identifier code (src/domain/identifiers) uses,
 * for the browser build. Both follow the WHATWG URL standard's domain-to-ASCII (UTS #46), as
 * Node's do: the browser's own URL parser does the work, and an invalid domain gives '' as in Node.
 */
import { toUnicode } from 'punycode/punycode.es6.js';

export function domainToASCII(domain: string): string {
  // The URL parser would read "a/b" as host "a" with a path, "a:1" with a port, "u@a" with a
  // user; Node's domainToASCII refuses them: a domain is only the host.
  if (domain === '' || /[/?#@:\\]/.test(domain)) return '';
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return '';
  }
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

/**
 * The shape shared by the handle-based platforms (Zalo, Telegram, TikTok, Instagram, X,
 * YouTube): an input is their indicator (`telegram:abc`), a link to one of their hosts, or a
 * bare handle (`@abc`, only meaningful when the kind is forced). Each platform file supplies the
 * three readers; this file does the dispatch, the deobfuscation and the never-throw guarantee.
 */
import { fail, ok, type CanonResult, type IdentifierKind } from './types.ts';
import { parseWebLink, type WebLink } from './web-link.ts';
import { deobfuscateText } from './deobfuscate.ts';

export interface PlatformSpec {
  kind: IdentifierKind;
  /** Name for messages, e.g. "Telegram". */
  name: string;
  /** Only the scheme and host are read, so detection can ask before parsing the path. */
  isHost(link: Pick<WebLink, 'scheme' | 'host'>): boolean;
  fromLink(link: WebLink): CanonResult;
  /** The part after `kind:`. */
  fromIndicator(value: string): CanonResult;
  /** A bare handle or id, `@` already removed. */
  fromBare(token: string): CanonResult;
}

const LINKISH = /^[a-z][a-z0-9+.-]*:\/\/|^[^\s/@]+\.[a-z]{2,}(?:[/?#:]|$)|^\/\//i;

export function canonicalizeOnPlatform(spec: PlatformSpec, raw: string): CanonResult {
  try {
    const s = deobfuscateText(raw.trim());
    if (s.length === 0) return fail('empty', 'The input is empty.');
    if (s.length > 2048) return fail(`${spec.kind}_invalid`, `Too long for a ${spec.name} link or handle.`);
    const prefix = `${spec.kind}:`;
    if (s.length > prefix.length && s.slice(0, prefix.length).toLowerCase() === prefix) {
      return spec.fromIndicator(s.slice(prefix.length).trim());
    }
    if (LINKISH.test(s)) {
      const link = parseWebLink(s);
      if (!link || !spec.isHost(link)) return fail(`${spec.kind}_invalid`, `Not a ${spec.name} link.`);
      return spec.fromLink(link);
    }
    return spec.fromBare(s.startsWith('@') ? s.slice(1) : s);
  } catch {
    return fail(`${spec.kind}_invalid`, `Not a ${spec.name} link or handle.`);
  }
}

/** For callers that already parsed the link (kind detection). */
export function canonicalizeLinkOnPlatform(spec: PlatformSpec, link: WebLink): CanonResult {
  try {
    return spec.fromLink(link);
  } catch {
    return fail(`${spec.kind}_invalid`, `Not a ${spec.name} link.`);
  }
}

/** A handle result: `kind:handle`, displayed as the profile link. */
export function handleResult(kind: IdentifierKind, value: string, display: string): CanonResult {
  return ok(kind, value, display);
}

export function hostIn(...hosts: string[]): (link: Pick<WebLink, 'scheme' | 'host'>) => boolean {
  const set = new Set(hosts);
  return (link) => set.has(link.host);
}

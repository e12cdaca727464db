/**
 * `fb:` indicators: one value per Facebook subject, whatever link or spelling people paste.
 *
 *   fb:id:<digits>        a profile or page by numeric id (profile.php?id=, /people/<name>/<id>,
 *                         /p/<Name>-<id>, /pages/<name>/<id>, /<id>, m.me/<id>, marketplace sellers)
 *   fb:user:<name>        a profile or page by username, lower case with periods removed
 *                         (Facebook ignores both: john.smith55 and JohnSmith55 are one account)
 *   fb:group:<id|slug>    a group; anything below a group (posts, permalinks) names the group,
 *                         with the post in `related`
 *   fb:post:<id|pfbid…>   a post (/<owner>/posts/<id>, story.php, permalink.php); pfbid ids keep case
 *   fb:photo:<id>         photo.php?fbid=, /photo/?fbid=, /<owner>/photos/…/<id>
 *   fb:video:<id>         /watch/?v=, video.php?v=, /<owner>/videos/…/<id>
 *   fb:reel:<id>          /reel/<id>
 *   fb:event:<id>         /events/<id>
 *   fb:item:<id>          /marketplace/item/<id> (a Marketplace listing)
 *   fb:share:<code>       facebook.com/share/<code>, /share/p|v|r|g/<code> (case-sensitive code;
 *                         the target is only known to Facebook's server)
 *   fb:watch:<code>       fb.watch/<code> short links (same: unresolvable offline)
 *
 * The owner shown in a link (the page of a post, the group of a member) goes into `related`.
 * Only Facebook's own hosts count: `facebook.com.evil.example` and `faceb00k.example` are not
 * Facebook, whatever their path says.
 */
import { fail, ok, type CanonResult, type Canonical } from './types.ts';
import { parseWebLink, queryParam, type WebLink } from './web-link.ts';
import { deobfuscateText } from './deobfuscate.ts';
import { unwrapOnce } from './redirectors.ts';
import { registrableDomain } from './domain.ts';

export type FbType = 'id' | 'user' | 'group' | 'post' | 'photo' | 'video' | 'reel' | 'event' | 'item' | 'share' | 'watch';

export interface FbSubject {
  type: FbType;
  value: string;
  related: FbSubject[];
}

const FB_TYPES = new Set<string>(['id', 'user', 'group', 'post', 'photo', 'video', 'reel', 'event', 'item', 'share', 'watch']);

const FACEBOOK_SUBDOMAINS = new Set([
  'www', 'm', 'mbasic', 'web', 'touch', 'business', 'mobile', 'free', 'd', 'h', 'iphone', 'upload', 'x', 'graph', 'l', 'lm', 'mtouch', 'zero', '0',
]);
const LOCALE_SUBDOMAIN = /^[a-z]{2}-[a-z]{2}$/;

/** Facebook's own host names (not look-alikes): facebook.com and its web/mobile/locale subdomains, fb.com. */
export function isFacebookHost(host: string): boolean {
  if (host === 'facebook.com' || host === 'fb.com' || host === 'www.fb.com') return true;
  if (!host.endsWith('.facebook.com')) return false;
  const sub = host.slice(0, -'.facebook.com'.length);
  return FACEBOOK_SUBDOMAINS.has(sub) || LOCALE_SUBDOMAIN.test(sub);
}

/** Every host this module reads links of. */
export function isFacebookFamilyHost(host: string): boolean {
  return isFacebookHost(host) || host === 'fb.me' || host === 'm.me' || host === 'fb.watch' || host === 'www.fb.watch' || host === 'messenger.com' || host === 'www.messenger.com';
}

// First path segments that are Facebook's own pages, never a username.
const RESERVED = new Set([
  'about', 'ads', 'ajax', 'api', 'apps', 'bookmarks', 'business', 'campaign', 'careers', 'checkpoint', 'comments',
  'community', 'confirmemail.php', 'connect', 'contact_importer', 'dating', 'developers', 'dialog', 'directory', 'donate',
  'events', 'facebook', 'feeds', 'find-friends', 'friends', 'fundraisers', 'gaming', 'games', 'graphql', 'groups', 'hashtag',
  'help', 'home', 'home.php', 'instantgames', 'jobs', 'l.php', 'latest', 'legal', 'lite', 'live', 'login', 'login.php',
  'logout', 'marketplace', 'me', 'media', 'memories', 'messages', 'mobile', 'notes', 'notifications', 'offers', 'page',
  'pages', 'people', 'permalink.php', 'pg', 'photo', 'photo.php', 'photos', 'places', 'plugins', 'policies', 'policy.php',
  'privacy', 'profile.php', 'public', 'r.php', 'recover', 'reel', 'reels', 'reg', 'saved', 'search', 'security', 'settings',
  'share', 'share.php', 'sharer', 'sharer.php', 'signup', 'stories', 'story.php', 'support', 'terms', 'terms.php', 'tr',
  'trust', 'video.php', 'videos', 'watch', 'watchparty', 'p', 'groups.php', 'group.php', 'events.php', 'privacy.php',
  'notifications.php', 'messages.php', 'friends.php', 'bookmarks.php', 'composer', 'sharer', 'safety', 'unsupportedbrowser',
]);

const NUMERIC_ID = /^[1-9][0-9]{0,19}$/;
const PFBID = /^pfbid[0-9A-Za-z]{10,120}$/;
const USERNAME = /^[a-z0-9]{1,50}$/;
const GROUP_SLUG = /^[A-Za-z0-9._-]{1,100}$/;
const SHARE_CODE = /^[A-Za-z0-9_-]{4,64}$/;

const MAX_NESTING = 3;

type Parsed = { ok: true; subject: FbSubject } | { ok: false; code: string; message: string };

const NOT_SUBJECT = (what: string): Parsed => ({ ok: false, code: 'fb_not_subject', message: `${what} is a Facebook page of its own, not an account, group or post.` });
const INVALID = (message: string): Parsed => ({ ok: false, code: 'fb_invalid', message });

function subject(type: FbType, value: string, related: FbSubject[] = []): Parsed {
  return { ok: true, subject: { type, value, related } };
}

/** A profile/page named by a path segment or an `id=` parameter: numeric id or username. */
function actor(token: string): FbSubject | null {
  if (NUMERIC_ID.test(token)) return { type: 'id', value: token, related: [] };
  const name = token.toLowerCase().replace(/\./g, '');
  // Facebook's own paths ("photo", "watch", "home.php") are never usernames.
  if (RESERVED.has(token.toLowerCase()) || RESERVED.has(name)) return null;
  if (USERNAME.test(name) && /[a-z]/.test(name)) return { type: 'user', value: name, related: [] };
  return null;
}

function numeric(v: string | null | undefined): string | null {
  return v && NUMERIC_ID.test(v) ? v : null;
}

function postId(v: string | null | undefined): string | null {
  if (!v) return null;
  return NUMERIC_ID.test(v) || PFBID.test(v) ? v : null;
}

function groupValue(token: string): string | null {
  if (NUMERIC_ID.test(token)) return token;
  return GROUP_SLUG.test(token) ? token.toLowerCase() : null;
}

/** The trailing id of "Some-Name-100012345678901" (new-style /p/ and /pages/category/ links). */
function trailingId(token: string): string | null {
  const m = /(?:^|-)([1-9][0-9]{4,19})$/.exec(token);
  return m ? m[1]! : null;
}

function lastNumeric(segments: string[]): string | null {
  for (let i = segments.length - 1; i >= 0; i--) if (NUMERIC_ID.test(segments[i]!)) return segments[i]!;
  return null;
}

function withOwner(type: FbType, id: string, owner: FbSubject | null): Parsed {
  return subject(type, id, owner ? [owner] : []);
}

function parseGroup(seg: string[], link: WebLink): Parsed {
  const g = seg[1];
  if (!g) return NOT_SUBJECT('The groups page');
  const lower = g.toLowerCase();
  if (['feed', 'discover', 'joins', 'create', 'search', 'notifications', 'your_groups'].includes(lower)) return NOT_SUBJECT(`groups/${g}`);
  const group = groupValue(g);
  if (!group) return INVALID(`"${g}" is not a group id or name.`);
  const groupSubject: FbSubject = { type: 'group', value: group, related: [] };
  const below = seg[2]?.toLowerCase();
  // A member's page inside a group is about that person.
  if (below === 'user' && numeric(seg[3])) return subject('id', seg[3]!, [groupSubject]);
  const related: FbSubject[] = [];
  if ((below === 'posts' || below === 'permalink') && postId(seg[3])) related.push({ type: 'post', value: seg[3]!, related: [] });
  const multi = postId(queryParam(link.query, 'multi_permalinks'));
  if (multi) related.push({ type: 'post', value: multi, related: [] });
  return subject('group', group, related);
}

function parseFacebookPath(link: WebLink, depth: number): Parsed {
  const seg = link.segments;
  const first = (seg[0] ?? '').toLowerCase();

  // Logged-out links carry the real page in ?next=.
  if (first === 'login' || first === 'login.php' || first === 'checkpoint') {
    const next = queryParam(link.query, 'next');
    if (next && depth < MAX_NESTING) {
      const inner = parseFacebookUrl(next, depth + 1);
      if (inner.ok || inner.code !== 'fb_not_facebook') return inner;
    }
    return NOT_SUBJECT('The login page');
  }
  switch (first) {
    case '':
      return NOT_SUBJECT('The home page');
    case 'profile.php': {
      const id = numeric(queryParam(link.query, 'id'));
      return id ? subject('id', id) : INVALID('profile.php needs a numeric id= parameter.');
    }
    case 'people': {
      const id = numeric(seg[2]) ?? (seg[1] ? trailingId(seg[1]) : null);
      return id ? subject('id', id) : INVALID('A /people/ link ends with the numeric id.');
    }
    case 'p': {
      const id = seg[1] ? (numeric(seg[1]) ?? trailingId(seg[1])) : null;
      return id ? subject('id', id) : INVALID('A /p/ link ends with the numeric id.');
    }
    case 'pages': {
      if (seg[1]?.toLowerCase() === 'category') {
        const id = lastNumeric(seg) ?? (seg[3] ? trailingId(seg[3]) : null);
        return id ? subject('id', id) : INVALID('This page link has no numeric id.');
      }
      const id = numeric(seg[2]) ?? lastNumeric(seg.slice(1));
      return id ? subject('id', id) : INVALID('A /pages/ link needs the numeric page id.');
    }
    case 'pg': {
      const a = seg[1] ? actor(seg[1]) : null;
      return a ? subject(a.type, a.value) : INVALID('A /pg/ link needs the page name.');
    }
    case 'groups':
      return parseGroup(seg, link);
    case 'group.php': {
      const id = numeric(queryParam(link.query, 'gid') ?? queryParam(link.query, 'id'));
      return id ? subject('group', id) : INVALID('group.php needs a numeric gid= parameter.');
    }
    case 'share': {
      const code = seg.length >= 3 && /^[pvrg]$/i.test(seg[1]!) ? seg[2] : seg[1];
      return code && SHARE_CODE.test(code) ? subject('share', code) : INVALID('A share link ends with its code.');
    }
    case 'story.php':
    case 'permalink.php': {
      const owner = numeric(queryParam(link.query, 'id'));
      const post = postId(queryParam(link.query, 'story_fbid'));
      if (post) return withOwner('post', post, owner ? { type: 'id', value: owner, related: [] } : null);
      return owner ? subject('id', owner) : INVALID(`${first} needs a story_fbid= parameter.`);
    }
    case 'photo.php':
    case 'photo': {
      const fbid = numeric(queryParam(link.query, 'fbid'));
      const owner = numeric(queryParam(link.query, 'id'));
      if (fbid) return withOwner('photo', fbid, owner ? { type: 'id', value: owner, related: [] } : null);
      return INVALID('A photo link needs its fbid= parameter.');
    }
    case 'video.php': {
      const v = numeric(queryParam(link.query, 'v'));
      return v ? subject('video', v) : INVALID('video.php needs a numeric v= parameter.');
    }
    case 'watch': {
      const v = numeric(queryParam(link.query, 'v'));
      return v ? subject('video', v) : NOT_SUBJECT('The Watch page');
    }
    case 'reel': {
      const id = numeric(seg[1]);
      return id ? subject('reel', id) : INVALID('A reel link ends with the numeric reel id.');
    }
    case 'events': {
      const id = numeric(seg[1]);
      return id ? subject('event', id) : NOT_SUBJECT('The events page');
    }
    case 'marketplace': {
      const kind = seg[1]?.toLowerCase();
      if (kind === 'item' && numeric(seg[2])) return subject('item', seg[2]!);
      if (kind === 'profile' && numeric(seg[2])) return subject('id', seg[2]!);
      return NOT_SUBJECT('Marketplace');
    }
    case 'messages': {
      const a = seg[1]?.toLowerCase() === 't' && seg[2] ? actor(seg[2]) : null;
      return a ? subject(a.type, a.value) : NOT_SUBJECT('Messages');
    }
    case 'stories': {
      const id = numeric(seg[1]);
      return id ? subject('id', id) : NOT_SUBJECT('Stories');
    }
    default:
      break;
  }
  if (RESERVED.has(first)) return NOT_SUBJECT(`/${seg[0]}`);
  const owner = actor(seg[0]!);
  if (!owner) return INVALID(`"${seg[0]}" is not a Facebook username (letters, digits and periods) or numeric id.`);
  const sub = (seg[1] ?? '').toLowerCase();
  if ((sub === 'posts' || sub === 'permalink' || sub === 'activity') && postId(seg[2])) return withOwner('post', seg[2]!, owner);
  if (sub === 'videos') {
    const v = lastNumeric(seg.slice(2));
    if (v) return withOwner('video', v, owner);
  }
  if (sub === 'photos') {
    const p = lastNumeric(seg.slice(2));
    if (p) return withOwner('photo', p, owner);
  }
  if (sub === 'reels' && numeric(seg[2])) return withOwner('reel', seg[2]!, owner);
  return subject(owner.type, owner.value);
}

function parseFacebookUrl(raw: string, depth: number): Parsed {
  const link = parseWebLink(raw);
  if (!link) return { ok: false, code: 'fb_not_facebook', message: 'Not a Facebook link.' };
  return parseFacebookLink(link, raw, depth);
}

function parseFacebookLink(link: WebLink, raw: string, depth: number): Parsed {
  if (link.scheme !== '' && link.scheme !== 'http' && link.scheme !== 'https') {
    return { ok: false, code: 'fb_not_facebook', message: 'Not a Facebook link.' };
  }
  const host = link.host;
  // The link shim and the share dialog wrap a target; follow it when it is Facebook again.
  if (depth < MAX_NESTING && (host === 'l.facebook.com' || host === 'lm.facebook.com' || link.segments[0] === 'l.php' || link.segments[0]?.startsWith('sharer'))) {
    const target = unwrapOnce(raw);
    if (target) return parseFacebookUrl(target, depth + 1);
  }
  if (host === 'fb.watch' || host === 'www.fb.watch') {
    const code = link.segments[0];
    return code && SHARE_CODE.test(code) ? subject('watch', code) : INVALID('An fb.watch link ends with its code.');
  }
  if (host === 'fb.me' || host === 'm.me') {
    const first = link.segments[0];
    const a = first ? actor(first) : null;
    return a ? subject(a.type, a.value) : INVALID(`An ${host} link ends with a username or id.`);
  }
  if (host === 'messenger.com' || host === 'www.messenger.com') {
    const a = link.segments[0]?.toLowerCase() === 't' && link.segments[1] ? actor(link.segments[1]) : null;
    return a ? subject(a.type, a.value) : NOT_SUBJECT('Messenger');
  }
  if (!isFacebookHost(host)) return { ok: false, code: 'fb_not_facebook', message: `${host} is not a Facebook host.` };
  return parseFacebookPath(link, depth);
}

/** Read `fb:<type>:<value>` (and the short `fb:<id or username>`). */
function parseIndicator(rest: string): Parsed {
  const colon = rest.indexOf(':');
  if (colon < 0) {
    const a = actor(rest.replace(/^@/, ''));
    return a ? subject(a.type, a.value) : INVALID(`"${rest}" is not a Facebook id or username.`);
  }
  const type = rest.slice(0, colon).toLowerCase();
  const v = rest.slice(colon + 1).trim();
  if (!FB_TYPES.has(type)) return INVALID(`Unknown Facebook subject type "${type}".`);
  switch (type as FbType) {
    case 'id':
      return numeric(v) ? subject('id', v) : INVALID('A Facebook id is all digits.');
    case 'user': {
      const a = actor(v.replace(/^@/, ''));
      return a && a.type === 'user' ? subject('user', a.value) : INVALID('A Facebook username has letters, digits and periods.');
    }
    case 'group': {
      const g = groupValue(v);
      return g ? subject('group', g) : INVALID('Not a group id or name.');
    }
    case 'post':
      return postId(v) ? subject('post', v) : INVALID('A post id is numeric or a pfbid.');
    case 'share':
    case 'watch':
      return SHARE_CODE.test(v) ? subject(type as FbType, v) : INVALID('Not a share code.');
    default:
      return numeric(v) ? subject(type as FbType, v) : INVALID(`A Facebook ${type} id is all digits.`);
  }
}

function endsInTld(s: string): boolean {
  const d = registrableDomain(s.toLowerCase());
  return d.ok ? d.isIcann || d.isPrivate || /\.(?:example|test)$/.test(d.ascii) : d.code === 'domain_is_suffix';
}

const WWW = 'https://www.facebook.com';

/** A link that shows the subject and that canonicalizes back to the same indicator. */
function displayOf(s: FbSubject): string {
  const owner = s.related.find((r) => r.type === 'id' || r.type === 'user');
  const ownerPath = owner ? (owner.type === 'id' ? owner.value : owner.value) : null;
  switch (s.type) {
    case 'id':
      return `${WWW}/profile.php?id=${s.value}`;
    case 'user':
      return `${WWW}/${s.value}`;
    case 'group':
      return `${WWW}/groups/${s.value}`;
    case 'post':
      return ownerPath ? `${WWW}/${ownerPath}/posts/${s.value}` : `${WWW}/permalink.php?story_fbid=${s.value}`;
    case 'photo':
      return `${WWW}/photo/?fbid=${s.value}`;
    case 'video':
      return `${WWW}/watch/?v=${s.value}`;
    case 'reel':
      return `${WWW}/reel/${s.value}`;
    case 'event':
      return `${WWW}/events/${s.value}`;
    case 'item':
      return `${WWW}/marketplace/item/${s.value}`;
    case 'share':
      return `${WWW}/share/${s.value}`;
    case 'watch':
      return `https://fb.watch/${s.value}`;
  }
}

function toCanonical(s: FbSubject): Canonical {
  const related = s.related.map((r) => toCanonical({ ...r, related: [] }));
  const r = ok('fb', `${s.type}:${s.value}`, displayOf(s), related.length ? { related } : undefined);
  return (r as { ok: true; value: Canonical }).value;
}

/** Parse a Facebook link or indicator into its subject, without building the indicator. */
export function parseFacebook(raw: string): Parsed {
  const s = deobfuscateText(raw.trim());
  if (s.length === 0) return { ok: false, code: 'empty', message: 'The input is empty.' };
  if (/^fb:/i.test(s)) return parseIndicator(s.slice(3).trim());
  // Links, and bare host names ("facebook.com", "faceb00k.example"): a username never ends in a TLD.
  if (/[/:?#@]/.test(s.replace(/^@/, '')) || (s.includes('.') && endsInTld(s))) return parseFacebookUrl(s, 0);
  // A bare token when the kind is forced: a numeric id, or a username (john.smith55, @john.smith55).
  const a = actor(s.replace(/^@/, ''));
  return a ? subject(a.type, a.value) : INVALID(`"${s}" is not a Facebook link, id or username.`);
}

/** For callers that already parsed the link (kind detection): same result as `canonicalizeFacebook(raw)`. */
export function canonicalizeFacebookLink(link: WebLink, raw: string): CanonResult {
  try {
    const p = parseFacebookLink(link, raw, 0);
    if (!p.ok) return fail(p.code, p.message);
    return { ok: true, value: toCanonical(p.subject) };
  } catch {
    return fail('fb_invalid', 'Not a Facebook link, id or username.');
  }
}

export function canonicalizeFacebook(raw: string): CanonResult {
  try {
    const p = parseFacebook(raw);
    if (!p.ok) return fail(p.code, p.message);
    return { ok: true, value: toCanonical(p.subject) };
  } catch {
    return fail('fb_invalid', 'Not a Facebook link, id or username.');
  }
}

/**
 * `youtube:` indicators.
 *
 *   youtube:<handle>          youtube.com/@handle (…/videos, …/shorts), @handle when forced.
 *                             Lower case (handles are case-insensitive); 3–30 letters (any
 *                             script), digits, "_", "-" or ".".
 *   youtube:channel:<UC…>     /channel/UC + 22 characters; case-sensitive
 *   youtube:c:<name>          legacy custom URLs /c/<name> and /<name>; lower case
 *   youtube:user:<name>       legacy /user/<name>; lower case
 *   youtube:video:<id>        /watch?v=, youtu.be/<id>, /shorts/<id>, /live/<id>, /embed/<id>;
 *                             11 characters, case-sensitive
 */
import { fail, ok, type CanonResult } from './types.ts';
import { canonicalizeOnPlatform, type PlatformSpec } from './platform-link.ts';
import { queryParam, type WebLink } from './web-link.ts';

const HANDLE = /^[\p{L}\p{M}\p{N}_.-]{3,30}$/u;
const CHANNEL = /^UC[A-Za-z0-9_-]{22}$/;
const LEGACY = /^[A-Za-z0-9_.-]{1,100}$/;
const VIDEO = /^[A-Za-z0-9_-]{11}$/;
const HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtu.be', 'www.youtu.be', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const RESERVED = new Set([
  'about', 'account', 'channel', 'c', 'embed', 'feed', 'gaming', 'hashtag', 'kids', 'live', 'logout', 'music', 'playlist',
  'post', 'premium', 'redirect', 'results', 'shorts', 'signin', 'source', 't', 'user', 'watch', 'attribution_link', 'howyoutubeworks',
  'upload', 'creators', 'ads', 'new', 'supported_browsers', 'yt', 'index',
]);

function handle(raw: string): CanonResult {
  const h = raw.normalize('NFC').toLowerCase();
  if (!HANDLE.test(h)) return fail('youtube_invalid', 'A YouTube handle has 3–30 letters, digits, "_", "-" or ".".');
  return ok('youtube', h, `https://www.youtube.com/@${h}`);
}

function channel(id: string): CanonResult {
  return CHANNEL.test(id) ? ok('youtube', `channel:${id}`, `https://www.youtube.com/channel/${id}`) : fail('youtube_invalid', 'A channel id is "UC" and 22 more characters.');
}

function legacy(type: 'c' | 'user', name: string): CanonResult {
  const n = name.toLowerCase();
  if (!LEGACY.test(n)) return fail('youtube_invalid', 'Not a YouTube channel name.');
  return ok('youtube', `${type}:${n}`, `https://www.youtube.com/${type}/${n}`);
}

function video(id: string): CanonResult {
  return VIDEO.test(id) ? ok('youtube', `video:${id}`, `https://www.youtube.com/watch?v=${id}`) : fail('youtube_invalid', 'A YouTube video id has 11 characters.');
}

function fromLink(link: WebLink): CanonResult {
  const [first, second] = link.segments;
  if (link.host === 'youtu.be' || link.host === 'www.youtu.be') return first ? video(first) : fail('youtube_invalid', 'The short link has no video id.');
  if (!first) return fail('youtube_invalid', 'The YouTube link names no channel or video.');
  if (first.startsWith('@')) return handle(first.slice(1));
  const lower = first.toLowerCase();
  switch (lower) {
    case 'watch': {
      const v = queryParam(link.query, 'v');
      return v ? video(v) : fail('youtube_invalid', 'The watch link has no v= parameter.');
    }
    case 'shorts':
    case 'live':
    case 'embed':
    case 'v':
      return second ? video(second) : fail('youtube_invalid', 'The link has no video id.');
    case 'channel':
      return second ? channel(second) : fail('youtube_invalid', 'The channel link has no id.');
    case 'c':
      return second ? legacy('c', second) : fail('youtube_invalid', 'The link has no channel name.');
    case 'user':
      return second ? legacy('user', second) : fail('youtube_invalid', 'The link has no user name.');
    default:
      if (RESERVED.has(lower)) return fail('youtube_invalid', `youtube.com/${first} is a YouTube page, not a channel.`);
      return legacy('c', first);
  }
}

export const YOUTUBE: PlatformSpec = {
  kind: 'youtube',
  name: 'YouTube',
  isHost: (link) => HOSTS.has(link.host),
  fromLink,
  fromIndicator: (v) => {
    const colon = v.indexOf(':');
    const type = colon < 0 ? '' : v.slice(0, colon);
    const rest = v.slice(colon + 1);
    if (type === 'channel') return channel(rest);
    if (type === 'c' || type === 'user') return legacy(type, rest);
    if (type === 'video') return video(rest);
    return handle(v.replace(/^@/, ''));
  },
  fromBare: (token) => (CHANNEL.test(token) ? channel(token) : handle(token)),
};

export function canonicalizeYoutube(raw: string): CanonResult {
  return canonicalizeOnPlatform(YOUTUBE, raw);
}

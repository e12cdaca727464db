import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem } from './problems.ts';

/** The Brotli and gzip copies written at build time, next to the file they compress. */
const PRE_COMPRESSED_SUFFIX = /\.(br|gz)$/;
/** What the build may have compressed (the include list of web/vite.config.ts). */
const COMPRESSIBLE_FILE = /\.(html|css|js|mjs|json|svg|txt|webmanifest)$/;
const API_PREFIXES = ['/api/', '/taxii2', '/metrics', '/healthz', '/readyz', '/docs'];

/**
 * Serves the built web app. Paths the app routes itself (/console, /sign-in, …) get index.html;
 * unknown API paths get a problem+json 404.
 */
export const webAppPlugin = fp(async (app: FastifyInstance, { webDist }: { webDist: string }) => {
  const index = path.join(webDist, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      index: 'index.html',
      // The build writes a Brotli and a gzip copy of every text asset (web/vite.config.ts):
      // they are sent as they are to a browser that accepts them, the plain file otherwise.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const served = filePath.replace(PRE_COMPRESSED_SUFFIX, '');
        // Vite puts a content hash in every asset name, so they never change; the page itself
        // must be revalidated so a new deployment's assets are picked up.
        if (served.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else if (served.endsWith('index.html')) res.setHeader('cache-control', 'no-cache');
        // The same address answers in several encodings: caches must key on Accept-Encoding.
        if (COMPRESSIBLE_FILE.test(served)) res.setHeader('vary', 'accept-encoding');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    const isApi = API_PREFIXES.some((p) => url.startsWith(p));
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD') && built) {
      // sendFile picks index.html.br or .gz like any other file, with the headers set above.
      return reply.sendFile('index.html');
    }
    if (!isApi && !built && request.method === 'GET') {
      return sendProblem(reply, 404, 'web_app_not_built', 'The web app is not built: run `npm start` (or `npm run build:web`).');
    }
    return sendProblem(reply, 404, 'not_found', `No route for ${request.method} ${url}.`);
  });
});

/** One `<meta>` of a page's head: Open Graph uses `property`, Twitter `name`. */
export type HeadMeta = { property: string; content: string } | { name: string; content: string };

/**
 * Escapes text for an HTML attribute or text node. Five characters, written out here rather
 * than pulling a library in for it; every value put into index.html goes through it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * index.html with meta tags (and, when given, the page's title) put into its head, so a link
 * shared on a social network or chat app shows a title, a description and a picture: their
 * crawlers read the HTML and run no script.
 */
export function withHeadTags(html: string, metas: readonly HeadMeta[], title?: string): string {
  const tags = metas
    .map((m) => ('property' in m ? `<meta property="${escapeHtml(m.property)}" content="${escapeHtml(m.content)}" />` : `<meta name="${escapeHtml(m.name)}" content="${escapeHtml(m.content)}" />`))
    .join('\n    ');
  let out = html;
  // Functions as replacements: a `$&` in a campaign's text must stay text.
  if (title !== undefined) out = out.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`);
  if (metas.length === 0) return out;
  return out.includes('</head>') ? out.replace('</head>', () => `    ${tags}\n  </head>`) : `${tags}\n${out}`;
}

/** Answers a page of the web app (its index.html) with extra head tags; 404 problem when the app is not built. */
export async function sendWebAppPage(reply: FastifyReply, webDist: string, metas: readonly HeadMeta[], title?: string): Promise<FastifyReply> {
  let html: string;
  try {
    html = await fs.promises.readFile(path.join(webDist, 'index.html'), 'utf8');
  } catch {
    return sendProblem(reply, 404, 'web_app_not_built', 'The web app is not built: run `npm start` (or `npm run build:web`).');
  }
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(withHeadTags(html, metas, title));
}

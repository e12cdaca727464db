import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problems.ts';

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
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Vite puts a content hash in every asset name, so they never change; the page itself
        // must be revalidated so a new deployment's assets are picked up.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else if (filePath.endsWith('index.html')) res.setHeader('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    const isApi = API_PREFIXES.some((p) => url.startsWith(p));
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD') && built) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.createReadStream(index));
    }
    if (!isApi && !built && request.method === 'GET') {
      return sendProblem(reply, 404, 'web_app_not_built', 'The web app is not built: run `npm start` (or `npm run build:web`).');
    }
    return sendProblem(reply, 404, 'not_found', `No route for ${request.method} ${url}.`);
  });
});

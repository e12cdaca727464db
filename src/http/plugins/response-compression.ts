import fp from 'fastify-plugin';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses answers of 1 KB and more (Brotli or gzip, as the client accepts, with
 * `Vary: Accept-Encoding`): JSON, feeds, TAXII, CSV exports. Streamed answers are compressed
 * as they stream. Answers already encoded (the web app's pre-compressed files) and
 * incompressible types (evidence images, PDFs) are sent as they are. Request bodies are never
 * decompressed: the API reads what clients send as they send it.
 */
/**
 * Text, JSON (+json: STIX, TAXII, problem+json), JSON Lines and XML. Not `text/event-stream`
 * (an event must reach the client at once, not wait in a compressor), and not
 * `application/octet-stream` (the plugin's default includes it: evidence files are already
 * compressed images and PDFs).
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|\/jsonl(?:;|$)|[+/]xml(?:;|$)/u;

export const responseCompressionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE,
  });
});

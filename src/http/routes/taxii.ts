import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, unprocessable } from '../../app/errors.ts';
import type { IndicatorPolicy } from '../../app/indicators.ts';
import { COLLECTIONS, MAX_PAGE, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE, collectionPage, collectionResource, findCollection, objectById, type ObjectsPage } from '../../app/taxii.ts';
import { addObjects, getStatus } from '../../app/taxii-intake.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { sendProblem } from '../plugins/problems.ts';

/**
 * TAXII 2.1 (OASIS) at /taxii2/: discovery, the API root `api`, its collections, objects,
 * manifest, versions, and adding objects with status resources. Responses are
 * `application/taxii+json;version=2.1`; a request whose Accept names other types only gets
 * 406, a POST whose body is not TAXII JSON 415. Errors are TAXII error resources for TAXII
 * clients (those that accept or send TAXII JSON), problem+json for the rest. API keys go as
 * Bearer tokens or as HTTP Basic passwords (see the access plugin).
 */
const READ = { roles: ROLES, scopes: ['taxii:read'] } as const;
const WRITE = { scopes: ['taxii:write'] } as const;
const ROOT = '/taxii2/api';

function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return true; // no Accept header: anything is acceptable (RFC 9110 section 12.5.1)
  return accept.split(',').some((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

function isTaxiiClient(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const type = request.headers['content-type'] ?? '';
  return accept.includes('application/taxii+json') || type.includes('application/taxii+json');
}

function sendTaxiiError(reply: FastifyReply, status: number, title: string, description: string, details?: unknown): FastifyReply {
  return taxiiJson(reply.code(status), { title, description, error_code: String(status), http_status: String(status), error_id: reply.request.id, ...(details ? { details } : {}) });
}

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 406: 'Not acceptable', 413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable', 429: 'Too many requests', 500: 'Internal error' };

/** Sends TAXII JSON with the media type written exactly as the specification does (no added charset or quotes). */
function taxiiJson(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.header('content-type', TAXII_MEDIA_TYPE).serializer((payload: unknown) => JSON.stringify(payload)).send(body);
}

function pageHeaders(reply: FastifyReply, page: ObjectsPage): FastifyReply {
  if (page.items.length) {
    reply.header('X-TAXII-Date-Added-First', page.items[0]!.dateAdded);
    reply.header('X-TAXII-Date-Added-Last', page.items[page.items.length - 1]!.dateAdded);
  }
  return reply;
}

const ObjectsQuery = Type.Object(
  {
    added_after: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, description: `At most ${MAX_PAGE} objects are returned, whatever the limit.` })),
    next: Type.Optional(Type.String({ maxLength: 300 })),
    'match[id]': Type.Optional(Type.String({ maxLength: 4000 })),
    'match[type]': Type.Optional(Type.String({ maxLength: 500 })),
    'match[version]': Type.Optional(Type.String({ maxLength: 500 })),
    'match[spec_version]': Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: true },
);

export const taxiiRoutes: FastifyPluginAsyncTypebox<{ db: Db; policy: IndicatorPolicy; publicUrl: string }> = async (app, { db, policy, publicUrl }) => {
  app.addContentTypeParser('application/taxii+json', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError(400, 'bad_request', 'The body is not valid JSON.'), undefined);
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!acceptsTaxii(request.headers.accept)) throw new AppError(406, 'not_acceptable', `This server answers ${TAXII_MEDIA_TYPE}; send it in Accept.`);
  });
  app.addHook('preValidation', async (request) => {
    if (request.method !== 'POST') return;
    const type = (request.headers['content-type'] ?? '').toLowerCase().replace(/\s/g, '');
    if (!type.startsWith('application/taxii+json') || (type.includes('version=') && !type.includes('version=2.1'))) {
      throw new AppError(415, 'unsupported_media_type', `Send the objects as ${TAXII_MEDIA_TYPE}.`);
    }
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const status = error instanceof AppError ? error.status : error.validation ? 400 : (error.statusCode ?? 500);
    if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="Canh Giac TAXII", Bearer');
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    const message = status >= 500 ? `Something went wrong on our side (request ${request.id}).` : error.message;
    if (!isTaxiiClient(request)) {
      return sendProblem(reply, status, error instanceof AppError ? error.code : status === 400 ? 'validation' : String((error as FastifyError).code ?? 'error').toLowerCase().replace(/^fst_err_/, ''), message, error instanceof AppError ? error.errors : undefined);
    }
    return sendTaxiiError(reply, status, TITLES[status] ?? 'Error', message, error instanceof AppError && error.errors ? { errors: error.errors } : undefined);
  });

  const base = publicUrl.replace(/\/$/, '');

  app.get('/taxii2/', { config: { access: READ }, schema: { tags: ['taxii'], summary: 'TAXII 2.1 discovery' } }, async (_request, reply) =>
    taxiiJson(reply, {
      title: 'Canh Giác TAXII server',
      description: 'Fraud indicators of the national online anti-fraud exchange, as STIX 2.1.',
      contact: 'See docs/sharing.md',
      default: `${base}${ROOT}/`,
      api_roots: [`${base}${ROOT}/`],
    }),
  );

  app.get(`${ROOT}/`, { config: { access: READ }, schema: { tags: ['taxii'], summary: 'TAXII 2.1 API root' } }, async (_request, reply) =>
    taxiiJson(reply, { title: 'Fraud indicators', description: 'Confirmed and suspected fraud identifiers; partner submissions.', versions: [TAXII_MEDIA_TYPE], max_content_length: 10 * 1024 * 1024 }),
  );

  app.get(`${ROOT}/collections/`, { config: { access: READ }, schema: { tags: ['taxii'], summary: 'TAXII 2.1 collections' } }, async (_request, reply) =>
    taxiiJson(reply, { collections: COLLECTIONS.map(collectionResource) }),
  );

  app.get(`${ROOT}/collections/:collectionId/`, { config: { access: READ }, schema: { tags: ['taxii'], summary: 'One TAXII collection', params: Type.Object({ collectionId: Type.String({ maxLength: 100 }) }) } }, async (request, reply) =>
    taxiiJson(reply, collectionResource(findCollection(request.params.collectionId))),
  );

  app.get(
    `${ROOT}/collections/:collectionId/objects/`,
    { config: { access: READ }, schema: { tags: ['taxii'], summary: 'Objects of a collection, oldest change first (paged by next)', params: Type.Object({ collectionId: Type.String({ maxLength: 100 }) }), querystring: ObjectsQuery } },
    async (request, reply) => {
      const page = await collectionPage(db, request.caller, request.params.collectionId, request.query);
      return taxiiJson(pageHeaders(reply, page), { more: page.more, ...(page.next ? { next: page.next } : {}), objects: page.items.map((i) => i.object) });
    },
  );

  app.get(
    `${ROOT}/collections/:collectionId/manifest/`,
    { config: { access: READ }, schema: { tags: ['taxii'], summary: 'Manifest of a collection (ids, versions, dates added)', params: Type.Object({ collectionId: Type.String({ maxLength: 100 }) }), querystring: ObjectsQuery } },
    async (request, reply) => {
      const page = await collectionPage(db, request.caller, request.params.collectionId, request.query);
      return taxiiJson(pageHeaders(reply, page), {
        more: page.more,
        ...(page.next ? { next: page.next } : {}),
        objects: page.items.map((i) => ({ id: i.object.id, date_added: i.dateAdded, version: (i.object.modified as string | undefined) ?? i.dateAdded, media_type: STIX_MEDIA_TYPE })),
      });
    },
  );

  app.get(
    `${ROOT}/collections/:collectionId/objects/:objectId/`,
    { config: { access: READ }, schema: { tags: ['taxii'], summary: 'One object (its latest version)', params: Type.Object({ collectionId: Type.String({ maxLength: 100 }), objectId: Type.String({ maxLength: 300 }) }), querystring: ObjectsQuery } },
    async (request, reply) => {
      const page = await objectById(db, request.caller, request.params.collectionId, request.params.objectId, request.query);
      return taxiiJson(pageHeaders(reply, page), { more: false, objects: page.items.map((i) => i.object) });
    },
  );

  app.get(
    `${ROOT}/collections/:collectionId/objects/:objectId/versions/`,
    { config: { access: READ }, schema: { tags: ['taxii'], summary: 'Versions of one object (the server keeps the latest)', params: Type.Object({ collectionId: Type.String({ maxLength: 100 }), objectId: Type.String({ maxLength: 300 }) }), querystring: ObjectsQuery } },
    async (request, reply) => {
      const page = await objectById(db, request.caller, request.params.collectionId, request.params.objectId, request.query);
      return taxiiJson(pageHeaders(reply, page), { more: false, versions: page.items.map((i) => i.object.modified as string) });
    },
  );

  app.post(
    `${ROOT}/collections/:collectionId/objects/`,
    { config: { access: WRITE }, schema: { tags: ['taxii'], summary: 'Add objects (partners): indicators and observables enter as partner pushes', params: Type.Object({ collectionId: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      if (request.body === undefined || request.body === null) throw unprocessable('The body is a TAXII envelope: { "objects": [ … ] }.');
      const status = await addObjects(db, request.caller, request.params.collectionId, request.body, policy);
      return taxiiJson(reply.code(202), status);
    },
  );

  app.get(
    `${ROOT}/status/:statusId/`,
    { config: { access: { roles: ROLES, scopes: ['taxii:write', 'taxii:read'] } }, schema: { tags: ['taxii'], summary: 'Status of an add-objects request', params: Type.Object({ statusId: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => taxiiJson(reply, await getStatus(db, request.caller, request.params.statusId)),
  );
};

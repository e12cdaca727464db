import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { csrfMatches } from '../../app/auth.ts';
import { AppError, badRequest, forbidden } from '../../app/errors.ts';
import type { UploadedFile } from '../../app/evidence-intake.ts';
import type { EvidenceStore } from '../../app/evidence-store.ts';
import type { IndicatorPolicy } from '../../app/indicators.ts';
import { getReport, listReports, readEvidence } from '../../app/report-views.ts';
import { trackReport } from '../../app/report-status.ts';
import { IntakeQueue } from '../../app/intake-queue.ts';
import { submitReport, type ReportInput } from '../../app/reports.ts';
import { AGENCY_ROLES, SCOPES } from '../../domain/auth/access.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import { EVIDENCE_LIMITS } from '../../domain/reports/report-fields.ts';
import { REPORT_STATUS_ORDER } from '../../domain/reports/report-status.ts';
import type { Db } from '../../store/connection.ts';
import { REPORT_CHANNELS } from '../../store/schema.ts';
import { CursorQuery, IdParams, problemResponses, Uuid } from '../schemas/common.ts';
import { ReportBody, ReportDetail, ReportReceipt, ReportSummary, TrackingView } from '../schemas/reports.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Evidence files of a multipart report, read before validation. */
    evidenceFiles?: UploadedFile[];
  }
}

export interface ReportRouteOptions {
  db: Db;
  evidence: EvidenceStore;
  policy: IndicatorPolicy;
  /** Report batches written at once: 1 on PGlite (one connection), 2 on PostgreSQL (Node prepares one while the database writes the other). */
  intakeConcurrency?: number;
  publicUrl: string;
  /** Tracking look-ups per IP per minute (a tracking code is a bearer secret: slow guessing down). */
  trackPerMinute?: number;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function principalOf(request: FastifyRequest): string {
  const a = request.caller.actor;
  if (a.type === 'user') return `user:${a.userId}`;
  if (a.type === 'api_key') return `key:${a.apiKeyId}`;
  return `ip:${request.ip}`;
}

/**
 * Reads a multipart report: the `report` field (the same JSON as a plain JSON request) and up
 * to ten `evidence` files, each at most 10 MB, into memory (20 MB per file at most is held at
 * once by the limits). The JSON becomes the request body, so the route's schema validates it.
 */
async function readMultipart(request: FastifyRequest): Promise<void> {
  const files: UploadedFile[] = [];
  let report: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'evidence' && part.fieldname !== 'evidence[]') {
          part.file.resume();
          throw badRequest(`Unexpected file field "${part.fieldname}": send files as "evidence".`, [{ field: `/${part.fieldname}`, message: 'unknown file field' }]);
        }
        files.push({ filename: part.filename || null, bytes: await part.toBuffer() });
      } else if (part.fieldname === 'report') {
        report = String(part.value);
      } else {
        throw badRequest(`Unexpected field "${part.fieldname}": send the report as the "report" field.`, [{ field: `/${part.fieldname}`, message: 'unknown field' }]);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'file_too_large', 'Evidence files are at most 10 MB each.', [{ field: `/evidence/${files.length}`, message: 'The file is larger than 10 MB.' }]);
    }
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError(413, 'too_many_files', `At most ${EVIDENCE_LIMITS.maxFiles} evidence files per report.`, [{ field: '/evidence', message: `The limit is ${EVIDENCE_LIMITS.maxFiles} files.` }]);
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_many_parts', 'The form has too many parts.');
    throw error;
  }
  if (report === undefined) throw badRequest('The "report" field is missing: send the report JSON in it.', [{ field: '/report', message: 'required' }]);
  try {
    request.body = JSON.parse(report);
  } catch {
    throw badRequest('The "report" field is not valid JSON.', [{ field: '/report', message: 'not JSON' }]);
  }
  request.evidenceFiles = files;
}

export const reportRoutes: FastifyPluginAsyncTypebox<ReportRouteOptions> = async (app, options) => {
  const { db, evidence, policy, publicUrl } = options;
  const intake = new IntakeQueue(db, policy, { concurrency: options.intakeConcurrency ?? 1 });
  // Registered here, not globally: this is the only route that takes files.
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: EVIDENCE_LIMITS.maxFiles, fields: 2, fieldSize: 256 * 1024, parts: EVIDENCE_LIMITS.maxFiles + 2, headerPairs: 200 },
  });

  app.post(
    '/api/v1/reports',
    {
      config: { access: { public: true } },
      preValidation: async (request) => {
        if (request.isMultipart()) await readMultipart(request);
      },
      schema: {
        tags: ['reports'],
        summary: 'Report a scam',
        description: [
          'Anyone may report: the public without an account (optional contact details, with consent to be contacted), agency staff signed in, platforms and partners with an API key holding scope `reports:write` or signed in as their users.',
          'Send `application/json` (this body), or `multipart/form-data` with the same JSON in the field `report` and up to 10 files in fields `evidence` (PNG, JPEG, WebP or PDF, 10 MB each; the type is read from the bytes, so a wrong type is 415 whatever its name; too large or too many is 413). Image metadata (EXIF, GPS, XMP) is removed before storage; identical files are stored once.',
          'Identifiers are canonicalized; a bad one is answered at `/identifiers/<n>` and nothing is stored. More identifiers are extracted from the narrative and from QR codes (VietQR) in images.',
          'Send an `Idempotency-Key` header: a retry with the same key and body returns the same answer and tracking code (header `idempotent-replayed: true`), even after a server crash; the same key with a different body is 422.',
        ].join('\n\n'),
        consumes: ['application/json', 'multipart/form-data'],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ description: '1–255 visible ASCII characters, unique per report.' })) }),
        body: ReportBody,
        response: { 201: ReportReceipt, 413: Type.Ref('Problem'), 415: Type.Ref('Problem'), 422: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = request.caller.actor;
      // The route is public, so the access plugin checks neither scope nor CSRF: do it here.
      if (actor.type === 'user' && !csrfMatches(request.session!.csrfToken, request.headers['x-csrf-token'] as string | undefined)) {
        throw forbidden('The CSRF token is missing or wrong: send the X-CSRF-Token header given at sign-in.');
      }
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw badRequest('The Idempotency-Key header must be 1–255 visible ASCII characters.', [{ field: 'header:/idempotency-key', message: 'invalid' }]);
      }
      const { receipt, replayed } = await submitReport(
        db,
        request.caller,
        {
          input: request.body as ReportInput,
          files: request.evidenceFiles ?? [],
          ip: request.ip,
          idempotency: key ? { principal: principalOf(request), key } : null,
        },
        { evidence, policy, publicUrl, intake },
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    '/api/v1/reports/track/:code',
    {
      config: { access: { public: true }, rateLimit: { max: options.trackPerMinute ?? 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['reports'],
        summary: 'Follow a report with its tracking code',
        description:
          'The report\'s status and each step with its date and outcome, in Vietnamese and English. Never personal data, identifiers, evidence or other reports. Case and dashes in the code do not matter; I/L read as 1 and O as 0. Rate-limited per IP address.',
        params: Type.Object({ code: Type.String({ minLength: 8, maxLength: 40 }) }),
        response: { 200: TrackingView, ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return trackReport(db, request.params.code);
    },
  );

  app.get(
    '/api/v1/reports',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['reports'],
        summary: 'The report queue (agency staff)',
        description: 'Newest first. Filters combine; page with `cursor` = the previous page\'s `nextCursor`. Contact details are not in the list: open a report to see them.',
        querystring: Type.Intersect([
          CursorQuery,
          Type.Object({
            status: Type.Optional(Type.Array(Type.Enum(REPORT_STATUS_ORDER))),
            category: Type.Optional(Type.Enum(FRAUD_TYPES)),
            channel: Type.Optional(Type.Enum(REPORT_CHANNELS)),
            caseId: Type.Optional(Uuid),
            indicatorId: Type.Optional(Uuid),
          }),
        ]),
        response: { 200: Type.Object({ items: Type.Array(ReportSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
      },
    },
    async (request) => listReports(db, { ...request.query, limit: request.query.limit ?? 50 }),
  );

  app.get(
    '/api/v1/reports/:id',
    {
      config: { access: { roles: ROLES, scopes: SCOPES.filter((s) => s === 'reports:write') } },
      schema: {
        tags: ['reports'],
        summary: 'One report with its identifiers and evidence',
        description:
          'Agency staff see every report, with the reporter\'s contact details. A platform or partner sees only the reports its own organization submitted, never contact details; any other report is 404.',
        params: IdParams,
        response: { 200: ReportDetail, ...problemResponses },
      },
    },
    async (request) => getReport(db, request.caller, request.params.id),
  );

  app.get(
    '/api/v1/evidence/:sha256',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['reports'],
        summary: 'An evidence file (agency staff)',
        description: 'The stored file (images without metadata), served as an attachment. Platforms receive redacted copies through their escalations, never this route.',
        // Anything but a known sha256 (hex, lower case) is simply not found.
        params: Type.Object({ sha256: Type.String({ maxLength: 128, description: 'sha256 of the file, 64 lower-case hex digits' }) }),
        response: { 200: Type.Unknown({ description: 'The file bytes.' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await readEvidence(db, evidence, request.params.sha256);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${request.params.sha256.slice(0, 16)}"`)
        .header('cache-control', 'private, max-age=3600, immutable')
        .send(file.bytes);
    },
  );
};

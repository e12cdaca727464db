import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../app/errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `/problems/${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance: reply.request.url.split('?')[0],
      ...(errors?.length ? { errors } : {}),
    });
}

/** Turns ajv's validation errors into `errors[]` entries pointing at the bad field. */
function fieldErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params as { missingProperty?: string; additionalProperty?: string };
    const extra = params.missingProperty ?? params.additionalProperty;
    const pointer = `${v.instancePath}${extra ? `/${extra}` : ''}` || '/';
    const message = params.additionalProperty ? `unknown property "${params.additionalProperty}"` : (v.message ?? 'is invalid');
    // Body fields are plain JSON pointers; the other parts of a request are named.
    return { field: where === 'body' ? pointer : `${where}:${pointer}`, message };
  });
}

/**
 * Every error leaves as application/problem+json. Expected errors keep their status and say
 * what was wrong; anything unexpected is a 500 whose detail names only the request id.
 */
export const problemsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(reply, error.status, error.code, error.message, error.errors);
    }
    if (error.validation) {
      const errors = fieldErrors(error);
      const summary = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      return sendProblem(reply, 400, 'validation', `The request is not valid: ${summary}.`, errors);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (error.code ?? 'client_error').toLowerCase().replace(/^fst_err_/, '');
      return sendProblem(reply, status, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal', `Something went wrong on our side (request ${request.id}).`);
  });
});

// Maps every failure to `{ code, message, field? }` with a 4xx for anything the client can fix.
// Bad JSON, over-large bodies and schema failures never reach a handler, so never a 5xx; nor does
// a database constraint (database-errors.ts).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, fieldFromPointer } from './api-error';
import { repliedDatabaseUnavailable } from './database-unavailable-reply';
import type { ApiErrorBody } from './api-error';
import { databaseApiError } from './database-errors';

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
};

export function toApiError(error: FastifyError | ApiError | Error): {
  status: number;
  body: ApiErrorBody;
} {
  if (!(error instanceof ApiError)) {
    const fromDatabase = databaseApiError(error);
    if (fromDatabase) return toApiError(fromDatabase);
  }
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { code: error.code, message: error.message };
    if (error.field !== undefined) body.field = error.field;
    return { status: error.statusCode, body };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where =
      'validationContext' in error && typeof error.validationContext === 'string'
        ? error.validationContext
        : 'body';
    const issues = error.validation.map((v) => {
      const path = fieldFromPointer(v.instancePath);
      return {
        code: v.keyword,
        message: v.message ?? 'is invalid',
        field: path === '' ? where : path,
      };
    });
    const first = issues[0] ?? { code: 'invalid', message: 'Invalid request', field: where };
    return {
      status: 400,
      body: {
        code: 'validation_failed',
        message: `${first.field}: ${first.message}`,
        field: first.field,
        issues,
      },
    };
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: known.status, body: { code: known.code, message: error.message } };
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return {
      status: 400,
      body: { code: 'malformed_json', message: `The body is not valid JSON: ${error.message}` },
    };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { code: (fastifyError.code ?? 'bad_request').toLowerCase(), message: error.message },
    };
  }
  return {
    status: 500,
    body: { code: 'internal_error', message: 'Something went wrong on our side.' },
  };
}

// Errors raised while routing, before a route (and so the error handler) is chosen.
const URL_ERRORS: Record<string, ApiError> = {
  FST_ERR_BAD_URL: new ApiError(400, 'bad_url', 'The URL has a broken percent-escape.'),
  FST_ERR_MAX_PARAM_LENGTH: new ApiError(
    414,
    'path_too_long',
    'A part of the URL path is longer than this API accepts.',
  ),
};

/** Fastify's `frameworkErrors` option: the routing errors in the API's one error shape. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  _request,
  reply,
) => {
  const { status, body } = toApiError(URL_ERRORS[error.code] ?? error);
  void (reply as FastifyReply).status(status).send(body);
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (repliedDatabaseUnavailable(error, request, reply)) return;
    const { status, body } = toApiError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // A constraint caught only by the database is a check a route is missing.
    else if (!(error instanceof ApiError) && databaseApiError(error))
      request.log.warn({ err: error }, 'refused by a database constraint');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ code: 'not_found', message: `No route for ${request.method} ${request.url}.` });
  });
}

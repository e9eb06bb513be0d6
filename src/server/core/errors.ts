import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  SETUP_ALREADY_DONE: 409,
  PROJECT_CLOSED: 409,
  TOKEN_EXPIRED: 410,
  TOKEN_USED: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
  UNPACKED_TOO_LARGE: 400,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403,
  INVALID_SECOND_FACTOR: 401,
};

/** An error a client can act on: its code and message are shown as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  get statusCode(): number {
    return statusByCode[this.code];
  }
}

/** A 429 that says when to try again, sent as the Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} finns inte`);

export const errorBody = (code: ErrorCode, message: string, fields?: Record<string, string>): ErrorBody => ({
  error: fields ? { code, message, fields } : { code, message },
});

/** A server error's details stay in the log; its request id leads there from what the user saw. */
const withRequestId = (body: ErrorBody, requestId: string): ErrorBody => ({ error: { ...body.error, requestId } });

/** What an unexpected error answers: nothing of the error itself. */
export const internalErrorBody = (requestId: string): ErrorBody =>
  withRequestId(errorBody('INTERNAL', 'Ett oväntat fel inträffade. Försök igen senare.'), requestId);

const POSTGRES_NUMERIC_VALUE_OUT_OF_RANGE = '22003';

/**
 * What the multipart parser (busboy) throws at a body that is cut off or has no boundary: plain
 * errors, known only by their text. They are the client's doing, wherever in a route they surface.
 */
const MALFORMED_MULTIPART = [
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Multipart: Boundary not found$/,
  /^Malformed part header$/,
];
const isMalformedMultipart = (error: Error): boolean =>
  (error as FastifyError).code === 'FST_MP_PREMATURE_CLOSE' ||
  MALFORMED_MULTIPART.some((pattern) => pattern.test(error.message)) ||
  (error.cause instanceof Error && isMalformedMultipart(error.cause));

/**
 * One place maps every error to `{ error: { code, message, fields } }`; 5xx details never leave,
 * but a 5xx body names the request id.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
      const body = errorBody(error.code, error.message, error.fields);
      return reply.status(error.statusCode).send(error.statusCode >= 500 ? withRequestId(body, request.id) : body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || (error.validationContext ?? 'body');
        fields[path] ??= issue.message ?? 'Ogiltigt värde';
      }
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'Uppgifterna är inte giltiga', fields));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply
        .status(400)
        .send(errorBody('VALIDATION_FAILED', 'Begäran innehåller ingen giltig JSON', { body: 'Ogiltig JSON' }));
    }
    if (isMalformedMultipart(error)) {
      const message = 'Filen kom inte fram hel eller skickades inte som ett formulär. Försök igen.';
      return reply.status(400).send(errorBody('VALIDATION_FAILED', message, { file: message }));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody('RATE_LIMITED', 'För många försök. Vänta en stund och försök igen.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
      return reply.status(error.statusCode).send(errorBody(code, error.message));
    }
    // PostgreSQL refuses a number beyond its column's range (an integer over 2 147 483 647, such as a
    // version) that SQLite would take: the input was out of range, not the server broken
    // (found by access/fuzz.api.test.ts).
    if ((error as { code?: unknown }).code === POSTGRES_NUMERIC_VALUE_OUT_OF_RANGE) {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'Ett tal i begäran är för stort'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(internalErrorBody(request.id));
  });
}

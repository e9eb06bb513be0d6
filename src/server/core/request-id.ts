import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, internalErrorBody } from './errors.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Short and plain enough to copy into every log line and back into a header as it is. */
const safeRequestId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A request keeps the id a proxy or load balancer gave it, so one id follows it through both
 * logs; an id that is missing, long or carries other characters (log forging) is replaced.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && safeRequestId.test(given) ? given : randomUUID();
}

/**
 * Fastify's options for it: the id is checked by `requestIdOf`, never taken from the header
 * unchecked. An address Fastify cannot decode or route (a part too long) is answered before any
 * hook runs, so that answer gets its id (and the app's error shape) here.
 */
export const requestIdOptions = {
  genReqId: requestIdOf,
  requestIdHeader: false,
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (error.code === 'FST_ERR_BAD_URL') {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', 'Adressen går inte att tolka'));
    }
    // A path part longer than any id (fastify's maxParamLength) names nothing that exists: the same 404
    // as an id that does not, not a server error (found by access/fuzz.api.test.ts).
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      return reply.status(404).send(errorBody('NOT_FOUND', 'Finns inte'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(internalErrorBody(request.id));
  },
} as const;

const requestLogs = new AsyncLocalStorage<FastifyBaseLogger>();

/**
 * The log of the request being answered, whose lines carry its id, for code that logs without
 * being handed the request (the mailer); `outside` when no request is being answered (the reminder job).
 */
export const currentLog = (outside: FastifyBaseLogger): FastifyBaseLogger => requestLogs.getStore() ?? outside;

/** Every answer names its request id, errors and 404s too, so that a user can report it. */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    requestLogs.run(request.log, done);
  });
}

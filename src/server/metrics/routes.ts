import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/errors.js';
import { AppError } from '../core/errors.js';
import { type Instrumentation, UNMATCHED_ROUTE } from './instrumentation.js';

const metricsResponse = {
  description: 'Mätvärden i Prometheus textformat',
  content: { 'text/plain': { schema: z.string() } },
};

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compared as digests of equal length, so that the time taken tells nothing about the token. */
const isToken = (header: string | undefined, token: string): boolean =>
  timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));

/**
 * Times and counts every answered request by its route pattern, and with a `METRICS_TOKEN`
 * serves `/metrics` to Prometheus. Without the token the route does not exist.
 */
export function registerMetrics(app: FastifyInstance, instrumentation: Instrumentation, token?: string): void {
  app.addHook('onResponse', async (request, reply) => {
    instrumentation.observeRequest({
      method: request.method,
      route: request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE),
      statusCode: reply.statusCode,
      durationSeconds: reply.elapsedTime / 1000,
    });
  });
  app.addHook('onClose', () => instrumentation.close());
  if (!token) return;

  app.withTypeProvider<ZodTypeProvider>().get(
    '/metrics',
    {
      schema: {
        tags: ['Drift'],
        summary: 'Mätvärden för Prometheus; kräver METRICS_TOKEN som Bearer-token',
        headers: z.object({ authorization: z.string().optional() }),
        response: { 200: metricsResponse, 401: errorBodySchema },
      },
    },
    async (request, reply) => {
      if (!isToken(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer');
        throw new AppError('UNAUTHENTICATED', 'Mätvärdena kräver en giltig token (Authorization: Bearer …)');
      }
      const { contentType, text } = await instrumentation.scrape();
      return reply.type(contentType).header('cache-control', 'no-store').send(text);
    },
  );
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/errors.js';
import { portfolioSchema } from '../../shared/portfolio.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { answerCacheOf } from './cache.js';
import { getPortfolio } from './service.js';

const tags = ['Portfölj'];

export const portfolioRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const answers = answerCacheOf(context);
    app.get(
      '/api/portfolio',
      {
        schema: {
          tags,
          summary:
            'Leverantörens portfölj: varje kundprojekt med steg, framdrift, förseningar, utbildningar, mål, organisation och hälsa, de egna projekten och de minst friska först. Svaret bär en ETag: med If-None-Match och samma portfölj blir svaret 304 utan innehåll.',
          response: { 200: portfolioSchema, 304: z.null(), 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const answer = await getPortfolio(context, user);
        // Revalidated on every use, so a browser keeps the body and asks with If-None-Match.
        reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
        // A 304 has no body at all; `null` would be written as the text null.
        if (request.headers['if-none-match'] === answer.etag) return reply.code(304).send(undefined as never);
        let body = answers.get(user.id, answer.etag);
        if (body === undefined) {
          body = reply.serialize(await answer.build()) as string;
          answers.set(user.id, answer.etag, body);
        }
        // Already JSON: Fastify sends a string with a JSON content type as it is, which the
        // route's typed reply cannot express.
        return reply.type('application/json; charset=utf-8').send(body as never);
      },
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../shared/errors.js';
import { portfolioSchema } from '../../shared/portfolio.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getPortfolio } from './service.js';

const tags = ['Portfölj'];

export const portfolioRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/portfolio',
      {
        schema: {
          tags,
          summary:
            'Leverantörens portfölj: varje kundprojekt med steg, framdrift, förseningar, utbildningar, mål, organisation och hälsa, de egna projekten och de minst friska först',
          response: { 200: portfolioSchema, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request) => getPortfolio(context, requireUser(request)),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { planSchema } from '../../shared/plan.js';
import { projectAccessOf } from '../access/guard.js';
import type { AppContext } from '../core/context.js';
import { getPlan } from './service.js';

const tags = ['Projektplan'];

export const planRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/plan',
      {
        schema: {
          tags,
          summary: 'Projektplanen som den ser ut nu: alla avsnitt i mallens ordning, mål, utvärdering och risker',
          params: idParamsSchema,
          response: { 200: planSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getPlan(context, projectAccessOf(request)),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { templateDetailSchema, templateListSchema } from '../../shared/templates.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getTemplate, listTemplates } from './service.js';

const tags = ['Mallar'];

export const templateRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/templates',
      {
        schema: {
          tags,
          summary: 'Alla projektmallar och deras versioner',
          response: { 200: templateListSchema, 401: errorBodySchema },
        },
      },
      async (request) => {
        requireUser(request);
        return { items: await listTemplates(context) };
      },
    );

    app.get(
      '/api/templates/:id',
      {
        schema: {
          tags,
          summary: 'En mallversion med hela innehållet',
          params: idParamsSchema,
          response: { 200: templateDetailSchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        requireUser(request);
        return getTemplate(context, request.params.id);
      },
    );
  };

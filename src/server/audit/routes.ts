import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListSchema } from '../../shared/audit.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import type { AppContext } from '../core/context.js';
import { projectHistory } from './service.js';

export const auditRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/history',
      {
        schema: {
          tags: ['Historik'],
          summary: 'Vem som ändrade vad och när i projektets organisation: personer, skolor, roller, inbjudningar',
          params: idParamsSchema,
          response: { 200: auditListSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        return { items: await projectHistory(context, projectAccessOf(request).project) };
      },
    );
  };

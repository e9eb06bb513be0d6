import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityParamsSchema,
  activitySchema,
  checklistSchema,
  updateActivityBodySchema,
} from '../../shared/checklist.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getChecklist, updateActivity } from './service.js';

const tags = ['Checklista'];

export const checklistRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/activities',
      {
        schema: {
          tags,
          summary: 'Projektets checklista, grupperad som i mallen, med framdrift per grupp',
          params: idParamsSchema,
          response: { 200: checklistSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getChecklist(context, projectAccessOf(request)),
    );

    app.patch(
      '/api/projects/:id/activities/:activityId',
      {
        schema: {
          tags,
          summary: 'Bocka av en aktivitet eller ändra dess deadline (med versionen ändringen bygger på)',
          params: activityParamsSchema,
          body: updateActivityBodySchema,
          response: {
            200: activitySchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
          },
        },
      },
      async (request) =>
        updateActivity(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.activityId,
          request.body,
        ),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { keyActivitySchema } from '../../shared/plan.js';
import { keyActivityParamsSchema, timelineSchema, updateKeyActivityBodySchema } from '../../shared/timeline.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getTimeline, updateKeyActivity } from './service.js';

const tags = ['Tidslinje'];

export const timelineRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/timeline',
      {
        schema: {
          tags,
          summary: 'Projektets tidslinje: planens nyckelaktiviteter och checklistans deadlines i datumordning',
          params: idParamsSchema,
          response: { 200: timelineSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getTimeline(context, projectAccessOf(request)),
    );

    app.patch(
      '/api/projects/:id/key-activities/:keyActivityId',
      {
        schema: {
          tags,
          summary: 'Flytta en nyckelaktivitet till ett annat datum (med versionen ändringen bygger på)',
          params: keyActivityParamsSchema,
          body: updateKeyActivityBodySchema,
          response: {
            200: keyActivitySchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
          },
        },
      },
      async (request) =>
        updateKeyActivity(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.keyActivityId,
          request.body,
        ),
    );
  };

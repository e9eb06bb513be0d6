import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeedParamsSchema, calendarFeedSchema } from '../../shared/calendar.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { feedFile, renewPersonFeed, renewProjectFeed } from './service.js';

const tags = ['Kalender'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };

/**
 * The file's text, documented as a string. The handler sends a Buffer, which Fastify writes as it
 * is: the JSON response serializer never sees it.
 */
const calendarResponse = {
  description: 'Kalendern i iCalendar-format',
  content: {
    'text/calendar': { schema: z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string' }) },
  },
};

export const calendarRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/projects/:id/calendar-feed',
      {
        // A reader's own subscription, not part of the plan: still offered after closure.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary:
            'Ny egen hemlig adress till projektets kalender (deadlines och viktiga aktiviteter); din tidigare slutar fungera, andras påverkas inte',
          params: idParamsSchema,
          response: { 201: calendarFeedSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await renewProjectFeed(context, requireUser(request), projectAccessOf(request))),
    );

    app.post(
      '/api/me/calendar-feed',
      {
        schema: {
          tags,
          summary: 'Ny hemlig adress till kalendern med dina deadlines i dina projekt; den tidigare slutar fungera',
          response: { 201: calendarFeedSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await renewPersonFeed(context, requireUser(request))),
    );

    app.get(
      '/api/calendar/:secret.ics',
      {
        schema: {
          tags,
          summary:
            'Kalendern bakom en hemlig adress, för kalenderprogram att prenumerera på (ingen inloggning: adressen är nyckeln)',
          params: calendarFeedParamsSchema,
          response: { 200: calendarResponse, 404: errorBodySchema },
        },
      },
      async (request, reply) =>
        reply
          .type('text/calendar; charset=utf-8')
          // The address is a secret: no shared cache may keep what it answers.
          .header('cache-control', 'private, no-cache')
          .send(Buffer.from(await feedFile(context, request.params.secret), 'utf8')),
    );
  };

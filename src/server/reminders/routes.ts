import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../shared/errors.js';
import { reminderPreferencesSchema } from '../../shared/reminders.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getPreferences, savePreferences } from './service.js';

const tags = ['Påminnelser'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };

export const reminderRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me/reminders',
      {
        schema: {
          tags,
          summary: 'Dina påminnelser: om de är på, hur många dagar före deadline och veckodag för veckobrevet',
          response: { 200: reminderPreferencesSchema, ...errors },
        },
      },
      async (request) => getPreferences(context, requireUser(request)),
    );

    app.put(
      '/api/me/reminders',
      {
        schema: {
          tags,
          summary: 'Ändra eller stäng av dina påminnelser',
          body: reminderPreferencesSchema,
          response: { 200: reminderPreferencesSchema, ...errors },
        },
      },
      async (request) => savePreferences(context, requireUser(request), request.body),
    );
  };

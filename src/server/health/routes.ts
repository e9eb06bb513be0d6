import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { errorBodySchema } from '../../shared/errors.js';
import { healthSchema, readinessSchema } from '../../shared/health.js';
import type { AppContext } from '../core/context.js';
import { assertReady } from './readiness.js';

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0';

export const healthRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['Drift'],
          summary: 'Svarar när appen och databasen svarar',
          response: { 200: healthSchema, 500: errorBodySchema },
        },
      },
      async () => {
        await sql`select 1`.execute(context.db);
        return { status: 'ok' as const, database: context.databaseKind, version: APP_VERSION };
      },
    );

    app.get(
      '/api/ready',
      {
        schema: {
          tags: ['Drift'],
          summary:
            'Svarar 200 när instansen kan ta emot trafik: databasen svarar och alla migreringar har körts; annars 503 med skälet',
          response: { 200: readinessSchema, 503: errorBodySchema },
        },
      },
      async (request) => {
        const { migrations } = await assertReady(context, request.log);
        return { status: 'ready' as const, database: context.databaseKind, version: APP_VERSION, migrations };
      },
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectStepsSchema, setStepBodySchema } from '../../shared/steps.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getProjectSteps, setProjectStep } from './service.js';

const tags = ['Steg'];

export const stepRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/steps',
      {
        schema: {
          tags,
          summary:
            'Införandets tio steg: vilket steg projektet är i, vad varje steg kräver, vad som saknas för att gå vidare och varje beslut om steget',
          params: idParamsSchema,
          response: { 200: projectStepsSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getProjectSteps(context, projectAccessOf(request)),
    );

    app.put(
      '/api/projects/:id/step',
      {
        schema: {
          tags,
          summary:
            'Håll kvar projektet på ett steg, flytta fram det eller låt underlaget avgöra steget igen, med skäl (med antalet beslut klienten såg som version)',
          params: idParamsSchema,
          body: setStepBodySchema,
          response: {
            200: projectStepsSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
          },
        },
      },
      async (request) => setProjectStep(context, requireUser(request), projectAccessOf(request), request.body),
    );
  };

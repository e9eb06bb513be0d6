import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { deliverySchema, deliveryStepParamsSchema, markDeliveryStepBodySchema } from '../../shared/delivery.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getDelivery, markStep, undoStep } from './service.js';

const tags = ['Leverans'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const deliveryRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/delivery',
      {
        schema: {
          tags,
          summary:
            'Leveransen skola för skola: huvudkontot, varje skolas steg med vem och när, vilka skolor som väntar och checklistans leveransaktiviteter',
          params: idParamsSchema,
          response: { 200: deliverySchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getDelivery(context, requireUser(request), projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/delivery/steps',
      {
        schema: {
          tags,
          summary:
            'Markera nästa leveranssteg för en skola (eller huvudkontot) som klart, med datum och vem som gjorde det; svarar med hela leveransen',
          params: idParamsSchema,
          body: markDeliveryStepBodySchema,
          response: { 201: deliverySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await markStep(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.delete(
      '/api/projects/:id/delivery/steps/:stepId',
      {
        schema: {
          tags,
          summary: 'Ångra en skolas senaste leveranssteg (eller huvudkontot)',
          params: deliveryStepParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await undoStep(context, requireUser(request), projectAccessOf(request), request.params.stepId);
        return reply.status(204).send(null);
      },
    );
  };

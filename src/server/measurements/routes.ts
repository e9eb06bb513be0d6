import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  goalTrackingListSchema,
  goalTrackingParamsSchema,
  goalTrackingSchema,
  measurementParamsSchema,
  measurementSchema,
  recordMeasurementBodySchema,
  updateMeasurementSettingsBodySchema,
} from '../../shared/measurements.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { deleteMeasurement, getGoalTracking, recordMeasurement, updateMeasurementSettings } from './service.js';

const tags = ['Måluppföljning'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const measurementRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/goal-tracking',
      {
        schema: {
          tags,
          summary:
            'Måluppföljning: varje effektmål med mätningar (äldst först), läge mot den raka vägen till målet, insamlingsdatum och vem som mäter',
          params: idParamsSchema,
          response: { 200: goalTrackingListSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getGoalTracking(context, projectAccessOf(request), requireUser(request)),
    );

    app.post(
      '/api/projects/:id/goals/:goalId/measurements',
      {
        // The effect goals are followed up in the operations phase too.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary:
            'Registrera en mätning av ett effektmål, för hand eller från en beräkning ur exporterade filer (planens skribenter och den som mäter målet)',
          params: goalTrackingParamsSchema,
          body: recordMeasurementBodySchema,
          response: { 201: measurementSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordMeasurement(
              context,
              requireUser(request),
              projectAccessOf(request),
              request.params.goalId,
              request.body,
            ),
          ),
    );

    app.delete(
      '/api/projects/:id/goals/:goalId/measurements/:measurementId',
      {
        // The effect goals are followed up in the operations phase too.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary: 'Ta bort en mätning av ett effektmål',
          params: measurementParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteMeasurement(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.goalId,
          request.params.measurementId,
        );
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/projects/:id/goals/:goalId/measurement-settings',
      {
        // The effect goals are followed up in the operations phase too.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary:
            'Välj vem som mäter effektmålet och påminns på insamlingsdatumen (med versionen ändringen bygger på, 0 när inget är sparat)',
          params: goalTrackingParamsSchema,
          body: updateMeasurementSettingsBodySchema,
          response: { 200: goalTrackingSchema, ...errors },
        },
      },
      async (request) =>
        updateMeasurementSettings(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.goalId,
          request.body,
        ),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import {
  communicationItemParamsSchema,
  communicationItemSchema,
  communicationSchema,
  createCommunicationItemBodySchema,
  markCommunicationItemDoneBodySchema,
  processGuideGoalParamsSchema,
  processGuideGoalSchema,
  processGuideSchema,
  updateCommunicationItemBodySchema,
  updateProcessGuideBodySchema,
  updateProcessGuideGoalBodySchema,
} from '../../shared/communication.js';
import { errorBodySchema } from '../../shared/errors.js';
import { versionQuerySchema } from '../../shared/plan.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import {
  createCommunicationItem,
  deleteCommunicationItem,
  getCommunication,
  markCommunicationItemDone,
  updateCommunicationItem,
  updateProcessGuide,
  updateProcessGuideGoal,
} from './service.js';

const tags = ['Kommunikation'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const communicationRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/communication',
      {
        schema: {
          tags,
          summary:
            'Kommunikationsplanen (målgrupper och punkter, närmast i tid först), tidplanens aktiviteter och lathunden',
          params: idParamsSchema,
          response: { 200: communicationSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getCommunication(context, requireUser(request), projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/communication-items',
      {
        schema: {
          tags,
          summary:
            'Lägg till en punkt i kommunikationsplanen: budskap, kanal, målgrupper, datum eller aktivitet i tidplanen, ansvarig',
          params: idParamsSchema,
          body: createCommunicationItemBodySchema,
          response: { 201: communicationItemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createCommunicationItem(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.patch(
      '/api/projects/:id/communication-items/:itemId',
      {
        schema: {
          tags,
          summary: 'Ändra en punkt i kommunikationsplanen (fält som inte skickas behåller sitt värde)',
          params: communicationItemParamsSchema,
          body: updateCommunicationItemBodySchema,
          response: { 200: communicationItemSchema, ...errors },
        },
      },
      async (request) =>
        updateCommunicationItem(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.itemId,
          request.body,
        ),
    );

    app.delete(
      '/api/projects/:id/communication-items/:itemId',
      {
        schema: {
          tags,
          summary: 'Ta bort en punkt ur kommunikationsplanen (med versionen borttagningen bygger på)',
          params: communicationItemParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteCommunicationItem(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.itemId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/projects/:id/communication-items/:itemId/done',
      {
        schema: {
          tags,
          summary: 'Markera en punkt som klar eller inte klar (planens skribenter, eller den ansvariga för sin egen)',
          params: communicationItemParamsSchema,
          body: markCommunicationItemDoneBodySchema,
          response: { 200: communicationItemSchema, ...errors },
        },
      },
      async (request) =>
        markCommunicationItemDone(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.itemId,
          request.body,
        ),
    );

    app.put(
      '/api/projects/:id/process-guide',
      {
        schema: {
          tags,
          summary: 'Spara lathundens inledning (version 0 vid första sparningen)',
          params: idParamsSchema,
          body: updateProcessGuideBodySchema,
          response: { 200: processGuideSchema, ...errors },
        },
      },
      async (request) => updateProcessGuide(context, requireUser(request), projectAccessOf(request), request.body),
    );

    app.put(
      '/api/projects/:id/process-guide/goals/:goalId',
      {
        schema: {
          tags,
          summary:
            'Spara lathundens del för ett effektmål: så används systemet och vilken statistik som ska kunna tas ut',
          params: processGuideGoalParamsSchema,
          body: updateProcessGuideGoalBodySchema,
          response: { 200: processGuideGoalSchema, ...errors },
        },
      },
      async (request) =>
        updateProcessGuideGoal(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.goalId,
          request.body,
        ),
    );
  };

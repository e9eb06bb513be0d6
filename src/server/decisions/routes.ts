import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { versionQuerySchema } from '../../shared/plan.js';
import {
  changeRequestInputSchema,
  changeRequestListSchema,
  changeRequestParamsSchema,
  changeRequestSchema,
  changeRequestUpdateBodySchema,
  decideChangeRequestBodySchema,
  decisionInputSchema,
  decisionListQuerySchema,
  decisionListSchema,
  decisionParamsSchema,
  decisionSchema,
  decisionUpdateBodySchema,
} from '../../shared/steering.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import {
  createChangeRequest,
  decideChangeRequest,
  listChangeRequests,
  updateChangeRequest,
} from './change-requests.js';
import { createDecision, deleteDecision, listDecisions, updateDecision } from './service.js';

const tags = ['Styrning'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const decisionRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/decisions',
      {
        schema: {
          tags,
          summary: 'Projektets beslutslogg, senaste beslutet först; sök på nummer (”3” eller ”#3”) och ord i texterna',
          params: idParamsSchema,
          querystring: decisionListQuerySchema,
          response: { 200: decisionListSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => listDecisions(context, projectAccessOf(request), request.query),
    );

    app.post(
      '/api/projects/:id/decisions',
      {
        schema: {
          tags,
          summary: 'Registrera ett beslut i beslutsloggen med nästa nummer (styrgruppen och de som skriver planen)',
          params: idParamsSchema,
          body: decisionInputSchema,
          response: { 201: decisionSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createDecision(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.patch(
      '/api/projects/:id/decisions/:decisionId',
      {
        schema: {
          tags,
          summary: 'Ändra ett beslut i beslutsloggen (med versionen ändringen bygger på)',
          params: decisionParamsSchema,
          body: decisionUpdateBodySchema,
          response: { 200: decisionSchema, ...errors },
        },
      },
      async (request) =>
        updateDecision(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.decisionId,
          request.body,
        ),
    );

    app.delete(
      '/api/projects/:id/decisions/:decisionId',
      {
        schema: {
          tags,
          summary:
            'Ta bort ett beslut som registrerats för hand; ett godkänt ändringsbeslut står kvar (med versionen borttagningen bygger på)',
          params: decisionParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteDecision(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.decisionId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/projects/:id/change-requests',
      {
        schema: {
          tags,
          summary: 'Projektets ändringsförslag till styrgruppen: de som väntar på beslut först, sedan de senaste',
          params: idParamsSchema,
          response: { 200: changeRequestListSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => listChangeRequests(context, projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/change-requests',
      {
        schema: {
          tags,
          summary:
            'Förbered en ändringsförslag om resultat, tid eller budget för beslut i styrgruppen; styrgruppen och beställaren får e-post',
          params: idParamsSchema,
          body: changeRequestInputSchema,
          response: { 201: changeRequestSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createChangeRequest(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.patch(
      '/api/projects/:id/change-requests/:requestId',
      {
        schema: {
          tags,
          summary: 'Skriv om en ändringsförslag som väntar på beslut (med versionen ändringen bygger på)',
          params: changeRequestParamsSchema,
          body: changeRequestUpdateBodySchema,
          response: { 200: changeRequestSchema, ...errors },
        },
      },
      async (request) =>
        updateChangeRequest(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.requestId,
          request.body,
        ),
    );

    app.post(
      '/api/projects/:id/change-requests/:requestId/decision',
      {
        schema: {
          tags,
          summary:
            'Styrgruppen eller beställaren godkänner eller avslår en ändringsförslag; ett godkännande blir ett beslut och ändrar planen i samma steg',
          params: changeRequestParamsSchema,
          body: decideChangeRequestBodySchema,
          response: { 200: changeRequestSchema, ...errors },
        },
      },
      async (request) =>
        decideChangeRequest(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.requestId,
          request.body,
        ),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  evaluationItemInputSchema,
  evaluationItemParamsSchema,
  evaluationItemSchema,
  evaluationItemUpdateBodySchema,
  goalInputSchema,
  goalParamsSchema,
  goalSchema,
  goalUpdateBodySchema,
  planSchema,
  planSectionKeyParamsSchema,
  planSectionSchema,
  riskInputSchema,
  riskParamsSchema,
  riskSchema,
  riskUpdateBodySchema,
  successFactorParamsSchema,
  successFactorSchema,
  successFactorUpdateBodySchema,
  updatePlanSectionBodySchema,
  versionQuerySchema,
} from '../../shared/plan.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import {
  createEvaluationItem,
  createGoal,
  createRisk,
  deleteEvaluationItem,
  deleteGoal,
  deleteRisk,
  getPlan,
  updateEvaluationItem,
  updateGoal,
  updatePlanSection,
  updateRisk,
  updateSuccessFactor,
} from './service.js';

const tags = ['Projektplan'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const planRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/plan',
      {
        schema: {
          tags,
          summary: 'Projektplanen som den ser ut nu: alla avsnitt i mallens ordning, mål, utvärdering och risker',
          params: idParamsSchema,
          response: { 200: planSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getPlan(context, projectAccessOf(request)),
    );

    app.put(
      '/api/projects/:id/plan/sections/:sectionKey',
      {
        schema: {
          tags,
          summary:
            'Spara ett avsnitts texter (fält som inte skickas behåller sin text), med versionen ändringen bygger på',
          params: planSectionKeyParamsSchema,
          body: updatePlanSectionBodySchema,
          response: { 200: planSectionSchema, ...errors },
        },
      },
      async (request) =>
        updatePlanSection(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.sectionKey,
          request.body,
        ),
    );

    app.post(
      '/api/projects/:id/goals',
      {
        schema: {
          tags,
          summary: 'Lägg till ett effektmål (mätbart) eller ett projektmål',
          params: idParamsSchema,
          body: goalInputSchema,
          response: { 201: goalSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createGoal(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.put(
      '/api/projects/:id/goals/:goalId',
      {
        schema: {
          tags,
          summary: 'Ändra ett mål (med versionen ändringen bygger på)',
          params: goalParamsSchema,
          body: goalUpdateBodySchema,
          response: { 200: goalSchema, ...errors },
        },
      },
      async (request) =>
        updateGoal(context, requireUser(request), projectAccessOf(request), request.params.goalId, request.body),
    );

    app.delete(
      '/api/projects/:id/goals/:goalId',
      {
        schema: {
          tags,
          summary: 'Ta bort ett mål och dess kopplingar till utvärderingen',
          params: goalParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteGoal(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.goalId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/projects/:id/evaluation-items',
      {
        schema: {
          tags,
          summary: 'Lägg till en utvärdering: varför, vad, hur, när data samlas in och vilka mål den följer upp',
          params: idParamsSchema,
          body: evaluationItemInputSchema,
          response: { 201: evaluationItemSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createEvaluationItem(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.put(
      '/api/projects/:id/evaluation-items/:itemId',
      {
        schema: {
          tags,
          summary: 'Ändra en utvärdering (med versionen ändringen bygger på)',
          params: evaluationItemParamsSchema,
          body: evaluationItemUpdateBodySchema,
          response: { 200: evaluationItemSchema, ...errors },
        },
      },
      async (request) =>
        updateEvaluationItem(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.itemId,
          request.body,
        ),
    );

    app.delete(
      '/api/projects/:id/evaluation-items/:itemId',
      {
        schema: {
          tags,
          summary: 'Ta bort en utvärdering',
          params: evaluationItemParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteEvaluationItem(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.itemId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/projects/:id/risks',
      {
        schema: {
          tags,
          summary: 'Lägg till en egen risk',
          params: idParamsSchema,
          body: riskInputSchema,
          response: { 201: riskSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRisk(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.put(
      '/api/projects/:id/risks/:riskId',
      {
        schema: {
          tags,
          summary: 'Bedöm eller ändra en risk: sannolikhet, konsekvens, åtgärd, ansvarig och status',
          params: riskParamsSchema,
          body: riskUpdateBodySchema,
          response: { 200: riskSchema, ...errors },
        },
      },
      async (request) =>
        updateRisk(context, requireUser(request), projectAccessOf(request), request.params.riskId, request.body),
    );

    app.delete(
      '/api/projects/:id/risks/:riskId',
      {
        schema: {
          tags,
          summary: 'Ta bort en egen risk (mallens risker stängs i stället)',
          params: riskParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteRisk(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.riskId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/projects/:id/success-factors/:factorId',
      {
        schema: {
          tags,
          summary: 'Beskriv hur projektet arbetar med en framgångsfaktor (med versionen ändringen bygger på)',
          params: successFactorParamsSchema,
          body: successFactorUpdateBodySchema,
          response: { 200: successFactorSchema, ...errors },
        },
      },
      async (request) =>
        updateSuccessFactor(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.factorId,
          request.body,
        ),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  budgetLineInputSchema,
  budgetLineParamsSchema,
  budgetLineSchema,
  budgetLineUpdateBodySchema,
  budgetSchema,
  budgetSettingsBodySchema,
} from '../../shared/budget.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { versionQuerySchema } from '../../shared/plan.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { createBudgetLine, deleteBudgetLine, getBudget, updateBudgetLine, updateBudgetSettings } from './service.js';

const tags = ['Budget'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const budgetRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/budget',
      {
        schema: {
          tags,
          summary:
            'Projektets budget: posterna med planerat och utfall, summorna mot projektmålens budget och gränsen för kostnadsöverdrag',
          params: idParamsSchema,
          response: { 200: budgetSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getBudget(context, projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/budget-lines',
      {
        schema: {
          tags,
          summary:
            'Lägg till en budgetpost sist; går utfallet därmed över gränsen sätts risken Kostnadsöverdrag till inträffad',
          params: idParamsSchema,
          body: budgetLineInputSchema,
          response: { 201: budgetLineSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createBudgetLine(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.patch(
      '/api/projects/:id/budget-lines/:lineId',
      {
        schema: {
          tags,
          summary:
            'Ändra en budgetpost, planerat belopp eller utfall (med versionen ändringen bygger på); går utfallet över gränsen sätts risken Kostnadsöverdrag till inträffad',
          params: budgetLineParamsSchema,
          body: budgetLineUpdateBodySchema,
          response: { 200: budgetLineSchema, ...errors },
        },
      },
      async (request) =>
        updateBudgetLine(context, requireUser(request), projectAccessOf(request), request.params.lineId, request.body),
    );

    app.delete(
      '/api/projects/:id/budget-lines/:lineId',
      {
        schema: {
          tags,
          summary: 'Ta bort en budgetpost (med versionen borttagningen bygger på)',
          params: budgetLineParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteBudgetLine(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.lineId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/projects/:id/budget-settings',
      {
        schema: {
          tags,
          summary:
            'Sätt gränsen för kostnadsöverdrag i procent av planerat (version 0 första gången; utan egen gräns gäller 10 %)',
          params: idParamsSchema,
          body: budgetSettingsBodySchema,
          response: { 200: budgetSchema, ...errors },
        },
      },
      async (request) => updateBudgetSettings(context, requireUser(request), projectAccessOf(request), request.body),
    );
  };

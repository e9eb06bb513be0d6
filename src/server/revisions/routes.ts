import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  compareQuerySchema,
  planDiffSchema,
  revisionDetailSchema,
  revisionListSchema,
  revisionParamsSchema,
  revisionSummarySchema,
  sendRevisionBodySchema,
} from '../../shared/revisions.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { compareRevisions, getRevision, listRevisions, markRevisionRead, sendRevision } from './service.js';

const tags = ['Revisioner'];

const readErrors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };

export const revisionRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/projects/:id/revisions',
      {
        schema: {
          tags,
          summary:
            'Skicka projektplanen till leverantören: planen fryses som nästa version och projektstödjaren får e-post',
          params: idParamsSchema,
          body: sendRevisionBodySchema,
          response: { 201: revisionSummarySchema, ...readErrors, 403: errorBodySchema, 409: errorBodySchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await sendRevision(context, requireUser(request), projectAccessOf(request), request.body, request.log)),
    );

    app.get(
      '/api/projects/:id/revisions',
      {
        schema: {
          tags,
          summary: 'De versioner av planen som skickats, nyast först, med vilka du inte har läst',
          params: idParamsSchema,
          response: { 200: revisionListSchema, ...readErrors },
        },
      },
      async (request) => listRevisions(context, requireUser(request), projectAccessOf(request)),
    );

    app.get(
      '/api/projects/:id/revisions/compare',
      {
        schema: {
          tags,
          summary: 'Vad som ändrats mellan två versioner av planen, eller mellan en version och utkastet',
          params: idParamsSchema,
          querystring: compareQuerySchema,
          response: { 200: planDiffSchema, ...readErrors },
        },
      },
      async (request) => compareRevisions(context, projectAccessOf(request), request.query),
    );

    app.get(
      '/api/projects/:id/revisions/:number',
      {
        schema: {
          tags,
          summary: 'En version av planen, precis som den skickades',
          params: revisionParamsSchema,
          response: { 200: revisionDetailSchema, ...readErrors },
        },
      },
      async (request) => getRevision(context, requireUser(request), projectAccessOf(request), request.params.number),
    );

    app.post(
      '/api/projects/:id/revisions/:number/read',
      {
        // The reader's own mark, not part of the plan: still kept after closure.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary: 'Markera en version som läst (att läsa den igen ändrar inget)',
          params: revisionParamsSchema,
          response: { 204: z.null(), ...readErrors },
        },
      },
      async (request, reply) => {
        await markRevisionRead(context, requireUser(request), projectAccessOf(request), request.params.number);
        return reply.status(204).send(null);
      },
    );
  };

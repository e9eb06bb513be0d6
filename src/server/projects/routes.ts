import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  createProjectBodySchema,
  projectDetailSchema,
  projectListQuerySchema,
  projectListSchema,
} from '../../shared/projects.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser, requireVendorAdmin } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { createProject, getProject, listProjects } from './service.js';

const tags = ['Projekt'];

export const projectRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects',
      {
        schema: {
          tags,
          summary: 'Projekt som användaren ser, med framdrift',
          querystring: projectListQuerySchema,
          response: { 200: projectListSchema, 400: errorBodySchema, 401: errorBodySchema },
        },
      },
      async (request) => ({ items: await listProjects(context, requireUser(request), request.query) }),
    );

    app.post(
      '/api/projects',
      {
        schema: {
          tags,
          summary: 'Skapa en kunds implementeringsprojekt från en mall (standardmallen om ingen anges)',
          body: createProjectBodySchema,
          response: {
            201: projectDetailSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        requireVendorAdmin(request);
        return reply.status(201).send(await createProject(context, request.body));
      },
    );

    app.get(
      '/api/projects/:id',
      {
        schema: {
          tags,
          summary: 'Ett projekt',
          params: idParamsSchema,
          response: { 200: projectDetailSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getProject(context, requireUser(request), projectAccessOf(request)),
    );
  };

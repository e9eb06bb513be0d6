import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  assignmentParamsSchema,
  assignRoleBodySchema,
  customerParamsSchema,
  organisationSchema,
  personInputSchema,
  personParamsSchema,
  personSchema,
  personUpdateSchema,
  schoolInputSchema,
  schoolParamsSchema,
  schoolSchema,
  schoolUpdateSchema,
} from '../../shared/organisation.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser, requireVendorAdmin } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import {
  assignRole,
  createPerson,
  createSchool,
  getOrganisation,
  listPeople,
  listSchools,
  listVendorPeople,
  unassignRole,
  updatePerson,
  updateSchool,
} from './service.js';

const tags = ['Organisation'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const organisationRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/customers/:customerId/schools',
      {
        schema: {
          tags,
          summary: 'Kundens skolor',
          params: customerParamsSchema,
          response: { 200: z.object({ items: z.array(schoolSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await listSchools(context, requireUser(request), request.params.customerId) }),
    );

    app.post(
      '/api/customers/:customerId/schools',
      {
        schema: {
          tags,
          summary: 'Lägg till en skola',
          params: customerParamsSchema,
          body: schoolInputSchema,
          response: { 201: schoolSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createSchool(context, requireUser(request), request.params.customerId, request.body)),
    );

    app.patch(
      '/api/customers/:customerId/schools/:schoolId',
      {
        schema: {
          tags,
          summary: 'Ändra en skola (med versionen ändringen bygger på)',
          params: schoolParamsSchema,
          body: schoolUpdateSchema,
          response: { 200: schoolSchema, ...errors },
        },
      },
      async (request) => updateSchool(context, requireUser(request), request.params, request.body),
    );

    app.get(
      '/api/customers/:customerId/people',
      {
        schema: {
          tags,
          summary: 'Kundens personer',
          params: customerParamsSchema,
          response: { 200: z.object({ items: z.array(personSchema) }), ...errors },
        },
      },
      async (request) => ({ items: await listPeople(context, requireUser(request), request.params.customerId) }),
    );

    app.post(
      '/api/customers/:customerId/people',
      {
        schema: {
          tags,
          summary: 'Lägg till en person hos kunden',
          params: customerParamsSchema,
          body: personInputSchema,
          response: { 201: personSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createPerson(context, requireUser(request), request.params.customerId, request.body)),
    );

    app.patch(
      '/api/customers/:customerId/people/:personId',
      {
        schema: {
          tags,
          summary: 'Ändra en persons uppgifter (med versionen ändringen bygger på)',
          params: personParamsSchema,
          body: personUpdateSchema,
          response: { 200: personSchema, ...errors },
        },
      },
      async (request) => updatePerson(context, requireUser(request), request.params, request.body),
    );

    app.get(
      '/api/vendor/people',
      {
        schema: {
          tags,
          summary: 'Leverantörens personer',
          response: { 200: z.object({ items: z.array(personSchema) }), ...errors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        if (user.role === 'customer') return { items: [] };
        return { items: await listVendorPeople(context) };
      },
    );

    app.post(
      '/api/vendor/people',
      {
        schema: {
          tags,
          summary: 'Lägg till en person hos leverantören',
          body: personInputSchema,
          response: { 201: personSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPerson(context, requireVendorAdmin(request), null, request.body)),
    );

    app.get(
      '/api/projects/:id/organisation',
      {
        schema: {
          tags,
          summary: 'Projektets roller med namngivna personer, per skola, och vad som saknas',
          params: idParamsSchema,
          response: { 200: organisationSchema, ...errors },
        },
      },
      async (request) => getOrganisation(context, projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/roles',
      {
        schema: {
          tags,
          summary: 'Ge en person en roll i projektet (på en skola för skolroller)',
          params: idParamsSchema,
          body: assignRoleBodySchema,
          response: { 201: z.object({ assignmentId: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await assignRole(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.delete(
      '/api/projects/:id/roles/:assignmentId',
      {
        schema: {
          tags,
          summary: 'Ta bort en persons roll i projektet',
          params: assignmentParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await unassignRole(context, requireUser(request), projectAccessOf(request), request.params.assignmentId);
        return reply.status(204).send(null);
      },
    );
  };

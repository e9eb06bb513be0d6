import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createCustomerBodySchema, customerListSchema, customerSchema } from '../../shared/customers.js';
import { errorBodySchema } from '../../shared/errors.js';
import { requireUser, requireVendorAdmin } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { createCustomer, listCustomers } from './service.js';

const tags = ['Kunder'];

export const customerRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/customers',
      {
        schema: {
          tags,
          summary: 'Alla kunder (kommuner och huvudmän)',
          response: { 200: customerListSchema, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request) => {
        const user = requireUser(request);
        if (user.role === 'customer') throw new AppError('FORBIDDEN', 'Bara leverantören ser alla kunder');
        return { items: await listCustomers(context) };
      },
    );

    app.post(
      '/api/customers',
      {
        schema: {
          tags,
          summary: 'Lägg till en kund',
          body: createCustomerBodySchema,
          response: {
            201: customerSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            409: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        requireVendorAdmin(request);
        return reply.status(201).send(await createCustomer(context, request.body));
      },
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createCustomerBodySchema,
  customerListSchema,
  customerSchema,
  customerTermsSchema,
} from '../../shared/customers.js';
import { errorBodySchema } from '../../shared/errors.js';
import { customerParamsSchema } from '../../shared/organisation.js';
import { requireUser, requireVendorAdmin } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { createCustomer, getCustomerTerms, listCustomers, setCustomerTerms } from './service.js';

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

    app.get(
      '/api/customers/:customerId/terms',
      {
        schema: {
          tags,
          summary: 'Kundens terminer (null: standardterminerna ht 1 aug–31 dec, vt 1 jan–30 jun)',
          params: customerParamsSchema,
          response: { 200: customerTermsSchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getCustomerTerms(context, requireUser(request), request.params.customerId),
    );

    app.put(
      '/api/customers/:customerId/terms',
      {
        schema: {
          tags,
          summary: 'Sätt kundens terminer (MM-DD), eller null för standardterminerna',
          params: customerParamsSchema,
          body: customerTermsSchema,
          response: {
            200: customerTermsSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request) => setCustomerTerms(context, requireUser(request), request.params.customerId, request.body),
    );
  };

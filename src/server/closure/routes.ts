import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  approveClosureBodySchema,
  closureOverviewSchema,
  followOnCreatedSchema,
  planFollowUpBodySchema,
  startFollowOnBodySchema,
} from '../../shared/closure.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { approveClosure, getClosure, planFollowUp, startFollowOn } from './service.js';

const tags = ['Projektavslut'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const closureRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/closure',
      {
        schema: {
          tags,
          summary:
            'Projektavslutet: vad som fortfarande är öppet (aktiviteter, utbildningar, mål), beställarens godkännande, uppföljningsmötet och nästa projekt',
          params: idParamsSchema,
          response: { 200: closureOverviewSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getClosure(context, requireUser(request), projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/closure',
      {
        // A second approval of a closed project is answered by the closure itself ("already approved, by whom").
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary:
            'Beställaren godkänner projektavslutet efter att ha sett vad som är öppet; projektet går över i genomförandefasen',
          params: idParamsSchema,
          body: approveClosureBodySchema,
          response: { 200: closureOverviewSchema, ...errors },
        },
      },
      async (request) => approveClosure(context, requireUser(request), projectAccessOf(request), request.body),
    );

    app.put(
      '/api/projects/:id/follow-up',
      {
        // The follow-up meeting with the vendor belongs to the operations phase.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary:
            'Planera eller flytta uppföljningsmötet med leverantören (planens skribenter och leverantörens projektstödjare)',
          params: idParamsSchema,
          body: planFollowUpBodySchema,
          response: { 200: closureOverviewSchema, ...errors },
        },
      },
      async (request) => planFollowUp(context, requireUser(request), projectAccessOf(request), request.body),
    );

    app.post(
      '/api/projects/:id/follow-ons',
      {
        // The next project (such as the Hub) is usually started once this one is closed.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary:
            'Starta nästa projekt för kunden från en mall, med samma personer i rollerna; bockar av nästa steg i checklistan',
          params: idParamsSchema,
          body: startFollowOnBodySchema,
          response: { 201: followOnCreatedSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await startFollowOn(context, requireUser(request), projectAccessOf(request), request.body)),
    );
  };

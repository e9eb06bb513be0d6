import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  createIdentityProviderBodySchema,
  identityProviderCheckSchema,
  identityProviderListSchema,
  identityProviderSchema,
  ssoCallbackQuerySchema,
  ssoDiscoverBodySchema,
  ssoDiscoverResultSchema,
  ssoStartQuerySchema,
  updateIdentityProviderBodySchema,
} from '../../shared/sso.js';
import { requireVendorAdmin } from '../auth/guard.js';
import { rateLimitPerAddressAndEmail, sendSession } from '../auth/routes.js';
import type { AppContext } from '../core/context.js';
import { safeReturnTo } from './rules.js';
import {
  CALLBACK_PATH,
  checkProvider,
  createProvider,
  deleteProvider,
  discoverProvider,
  finishSignIn,
  listProviders,
  startSignIn,
  updateProvider,
} from './service.js';

const adminTags = ['Inloggning via organisationen'];
const signInTags = ['Inloggning'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/**
 * Holds the sign-in's `state` in the browser that started it, so that a callback link carried to
 * another browser (to sign its user in as someone else) finds nothing there.
 */
const SIGN_IN_COOKIE = 'stegvis_sso_state';

const redirect = {
  302: z.null().describe('Vidare till leverantören, till sidan att landa på, eller till inloggningssidan med skälet'),
};

// Settings, secrets included, are the vendor admin's alone: refused before the body is even read.
const adminOnly = async (request: FastifyRequest) => {
  requireVendorAdmin(request);
};

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export const ssoRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/sso/providers',
      {
        preValidation: adminOnly,
        schema: {
          tags: adminTags,
          summary: 'Organisationernas inloggningar (OpenID Connect) och adressen att registrera hos dem',
          response: { 200: identityProviderListSchema, ...errors },
        },
      },
      async () => listProviders(context),
    );

    app.post(
      '/api/sso/providers',
      {
        preValidation: adminOnly,
        schema: {
          tags: adminTags,
          summary: 'Lägg till en inloggning via en organisations identitetsleverantör',
          body: createIdentityProviderBodySchema,
          response: { 201: identityProviderSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createProvider(context, requireVendorAdmin(request), request.body)),
    );

    app.patch(
      '/api/sso/providers/:id',
      {
        preValidation: adminOnly,
        schema: {
          tags: adminTags,
          summary: 'Ändra en inloggning (med versionen ändringen bygger på); utan klienthemlighet behålls den sparade',
          params: idParamsSchema,
          body: updateIdentityProviderBodySchema,
          response: { 200: identityProviderSchema, ...errors },
        },
      },
      async (request) => updateProvider(context, requireVendorAdmin(request), request.params.id, request.body),
    );

    app.delete(
      '/api/sso/providers/:id',
      {
        preValidation: adminOnly,
        schema: {
          tags: adminTags,
          summary: 'Ta bort en inloggning; användarna kan fortfarande logga in med lösenord',
          params: idParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteProvider(context, requireVendorAdmin(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/sso/providers/:id/check',
      {
        preValidation: adminOnly,
        schema: {
          tags: adminTags,
          summary: 'Prova att läsa leverantörens beskrivning (discovery) med de sparade inställningarna',
          params: idParamsSchema,
          response: { 200: identityProviderCheckSchema, ...errors },
        },
      },
      async (request) => checkProvider(context, request.log, request.params.id),
    );

    app.post(
      '/api/auth/sso/discover',
      {
        schema: {
          tags: signInTags,
          summary: 'Loggar e-postadressens organisation in via sin egen leverantör?',
          body: ssoDiscoverBodySchema,
          response: { 200: ssoDiscoverResultSchema, 400: errorBodySchema, 429: errorBodySchema },
        },
        config: { rateLimit: rateLimitPerAddressAndEmail(context) },
      },
      async (request) => discoverProvider(context, request.body.email),
    );

    app.get(
      '/api/auth/sso/start',
      {
        schema: {
          tags: signInTags,
          summary: 'Börja logga in via organisationens leverantör (webbläsaren skickas dit)',
          querystring: ssoStartQuerySchema,
          response: { ...redirect, 400: errorBodySchema },
        },
      },
      async (request, reply) => {
        const outcome = await startSignIn(
          context,
          request.log,
          request.query.provider,
          safeReturnTo(request.query.returnTo),
        );
        if (outcome.state) {
          reply.setCookie(SIGN_IN_COOKIE, outcome.state, {
            path: CALLBACK_PATH,
            httpOnly: true,
            // Lax: the provider sends the browser back by a top-level GET, which carries it.
            sameSite: 'lax',
            secure: context.config.cookieSecure,
            maxAge: 10 * 60,
          });
        }
        return noStore(reply).redirect(outcome.location, 302);
      },
    );

    app.get(
      CALLBACK_PATH,
      {
        schema: {
          tags: signInTags,
          summary: 'Leverantören skickar tillbaka webbläsaren hit; lyckad inloggning startar en session',
          querystring: ssoCallbackQuerySchema,
          response: { ...redirect, 400: errorBodySchema },
        },
      },
      async (request, reply) => {
        const outcome = await finishSignIn(
          context,
          request.log,
          request.query,
          request.url,
          request.cookies[SIGN_IN_COOKIE],
        );
        reply.clearCookie(SIGN_IN_COOKIE, { path: CALLBACK_PATH });
        if (outcome.session) sendSession(context, reply, outcome.session);
        return noStore(reply).redirect(outcome.location, 302);
      },
    );
  };

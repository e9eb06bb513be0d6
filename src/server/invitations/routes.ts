import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionSchema } from '../../shared/auth.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  acceptBodySchema,
  forgotBodySchema,
  invitationResultSchema,
  loginSwitchBodySchema,
  loginSwitchResultSchema,
  personIdParamsSchema,
  tokenInfoSchema,
  tokenParamsSchema,
} from '../../shared/invitations.js';
import { secondFactorStepSchema } from '../../shared/two-factor.js';
import { requireUser } from '../auth/guard.js';
import { rateLimitPerAddressAndEmail, sendSession } from '../auth/routes.js';
import type { AppContext } from '../core/context.js';
import { throttleForgotPassword } from '../throttling/service.js';
import { acceptToken, describeToken, invitePerson, requestPasswordReset, setLoginDisabled } from './service.js';

const tags = ['Inbjudningar och lösenord'];

export const invitationRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/people/:personId/invitation',
      {
        schema: {
          tags,
          summary: 'Bjud in en person: e-post med en länk där hen väljer lösenord',
          description:
            'Skapar personens inloggning om den saknas och skickar en länk som går ut efter INVITATION_TTL_HOURS. ' +
            'En ny inbjudan ersätter tidigare oanvända länkar. `delivery` är `outbox` när SMTP_URL saknas: ' +
            'då skickades inget, meddelandet sparades i utkorgsmappen.',
          params: personIdParamsSchema,
          response: {
            201: invitationResultSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
            500: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        return reply.status(201).send(await invitePerson(context, user, request.params.personId));
      },
    );

    app.put(
      '/api/people/:personId/login',
      {
        schema: {
          tags,
          summary: 'Stäng av en persons inloggning (hen har slutat) eller aktivera den igen',
          description:
            'Avstängd: alla personens sessioner avslutas direkt och inloggning med lösenord, länk eller ' +
            'organisationens inloggning nekas tills inloggningen aktiveras igen. Leverantörens administratör ' +
            'får göra det för alla, kundens beställare för kundens egna personer.',
          params: personIdParamsSchema,
          body: loginSwitchBodySchema,
          response: {
            200: loginSwitchResultSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
          },
        },
      },
      async (request) =>
        setLoginDisabled(context, requireUser(request), request.params.personId, request.body.disabled),
    );

    app.get(
      '/api/auth/token/:token',
      {
        schema: {
          tags,
          summary: 'Vems konto en länk från e-posten gäller, om den fortfarande fungerar',
          params: tokenParamsSchema,
          response: { 200: tokenInfoSchema, 400: errorBodySchema, 404: errorBodySchema, 410: errorBodySchema },
        },
      },
      async (request) => describeToken(context, request.params.token),
    );

    app.post(
      '/api/auth/accept',
      {
        schema: {
          tags,
          summary: 'Välj lösenord med en länk från e-posten (inbjudan eller glömt lösenord) och logga in',
          description: 'Länken fungerar en gång. Användarens andra sessioner avslutas.',
          body: acceptBodySchema,
          response: {
            200: sessionSchema,
            202: secondFactorStepSchema,
            400: errorBodySchema,
            404: errorBodySchema,
            410: errorBodySchema,
          },
        },
      },
      async (request, reply) => sendSession(context, reply, await acceptToken(context, request.body)),
    );

    app.post(
      '/api/auth/forgot',
      {
        schema: {
          tags,
          summary: 'Glömt lösenord: e-posta en länk för att välja ett nytt',
          description:
            'Svarar alltid 204, så att svaret inte avslöjar vilka adresser som har konton. ' +
            'Begränsas per klientadress och per e-postadress (LOGIN_RATE_LIMIT_FORGOT_*); 429 med Retry-After.',
          body: forgotBodySchema,
          response: { 204: z.null(), 400: errorBodySchema, 429: errorBodySchema },
        },
        config: { rateLimit: rateLimitPerAddressAndEmail(context) },
      },
      async (request, reply) => {
        await throttleForgotPassword(context, { address: request.ip, email: request.body.email });
        await requestPasswordReset(context, request.body.email);
        return reply.status(204).send(null);
      },
    );
  };

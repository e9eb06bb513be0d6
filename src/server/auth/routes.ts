import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBodySchema, type Session, sessionSchema, setupBodySchema, setupStatusSchema } from '../../shared/auth.js';
import { errorBodySchema } from '../../shared/errors.js';
import { type SecondFactorStep, secondFactorStepSchema } from '../../shared/two-factor.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { throttledLogin } from '../throttling/service.js';
import { isPendingStep, type PendingStep, sendSecondFactorStep } from '../two-factor/gate.js';
import { requireUser, SESSION_COOKIE } from './guard.js';
import { login, logout, needsSetup, type StartedSession, setupFirstAdmin } from './service.js';

const tags = ['Inloggning'];

/**
 * Sets the session cookie of a started session and gives the session body the client gets; a
 * password sign-in that still waits for a second factor answers 202 with that step instead.
 */
export function sendSession(context: AppContext, reply: FastifyReply, session: StartedSession): Session;
export function sendSession(
  context: AppContext,
  reply: FastifyReply,
  session: StartedSession | PendingStep,
): Session | SecondFactorStep;
export function sendSession(context: AppContext, reply: FastifyReply, session: StartedSession | PendingStep) {
  if (isPendingStep(session)) return sendSecondFactorStep(context, reply, session);
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: context.config.cookieSecure,
    expires: session.expiresAt,
  });
  return { user: session.user, csrfToken: session.csrfToken };
}

/**
 * A burst limit per client address and e-mail address, in each instance's memory. The limits that
 * stop password spraying and guessing (per address across e-mails, per account across addresses)
 * are counted in the database: see throttling/service.ts.
 */
export const rateLimitPerAddressAndEmail = (context: AppContext) => ({
  max: context.config.loginRateLimitPerMinute,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) =>
    `${request.ip}:${(request.body as { email?: string } | undefined)?.email ?? ''}`,
});

export const authRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags,
          summary: 'Logga in med e-post och lösenord',
          description:
            'Har användaren en tvåstegsverifiering, eller kräver leverantören en, blir svaret 202 med nästa steg i stället för en session.',
          body: loginBodySchema,
          response: {
            200: sessionSchema,
            202: secondFactorStepSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            429: errorBodySchema,
          },
        },
        config: { rateLimit: rateLimitPerAddressAndEmail(context) },
      },
      async (request, reply) =>
        sendSession(
          context,
          reply,
          await throttledLogin(context, { address: request.ip, email: request.body.email }, () =>
            login(context, request.body.email, request.body.password),
          ),
        ),
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags, summary: 'Logga ut och avsluta sessionen på servern', response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.session) await logout(context, request.session.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/session',
      { schema: { tags, summary: 'Den inloggade användaren', response: { 200: sessionSchema, 401: errorBodySchema } } },
      async (request) => {
        const user = requireUser(request);
        return { user, csrfToken: request.session?.csrfToken ?? '' };
      },
    );

    app.get(
      '/api/setup',
      { schema: { tags, summary: 'Behöver Stegvis en första administratör?', response: { 200: setupStatusSchema } } },
      async () => ({ needsSetup: await needsSetup(context) }),
    );

    app.post(
      '/api/setup',
      {
        schema: {
          tags,
          summary: 'Skapa leverantörens första administratör (bara när ingen användare finns)',
          body: setupBodySchema,
          response: { 201: sessionSchema, 400: errorBodySchema, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        if (request.session) throw new AppError('SETUP_ALREADY_DONE', 'Du är redan inloggad');
        const session = await setupFirstAdmin(context, request.body);
        return reply.status(201).send(sendSession(context, reply, session));
      },
    );
  };

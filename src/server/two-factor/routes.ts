import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER, type CurrentUser, sessionSchema } from '../../shared/auth.js';
import { idSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  confirmTotpBodySchema,
  customerTwoFactorPolicySchema,
  enrolmentResultSchema,
  passkeySignInBodySchema,
  passwordConfirmationBodySchema,
  recoveryCodesSchema,
  registerPasskeyBodySchema,
  totpSetupSchema,
  twoFactorStatusSchema,
  vendorTwoFactorPolicySchema,
  verifyCodeBodySchema,
  webAuthnOptionsSchema,
} from '../../shared/two-factor.js';
import { requireUser, requireVendorAdmin } from '../auth/guard.js';
import { rateLimitPerAddressAndEmail, sendSession } from '../auth/routes.js';
import { findCurrentUser, type StartedSession } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { PendingSignInsTable } from '../db/schema.js';
import { PENDING_COOKIE } from './gate.js';
import {
  confirmTotp,
  customerPolicy,
  type Enroller,
  endPending,
  findPending,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  removePasskey,
  removeTotp,
  renewRecoveryCodes,
  setCustomerPolicy,
  setVendorPolicy,
  startTotp,
  twoFactorStatus,
  vendorPolicy,
  verifyCode,
  verifyPasskey,
} from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The pending password sign-in behind the second-factor cookie, when there is no session. */
    pendingSignIn: { row: PendingSignInsTable; user: CurrentUser } | null;
  }
}

const signInTags = ['Inloggning'];
const tags = ['Tvåstegsverifiering'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  410: errorBodySchema,
  429: errorBodySchema,
};

/** What a sign-in that must add a factor first may still reach; everything else answers 403. */
const OPEN_WHILE_ENROLLING = new Set([
  '/api/two-factor',
  '/api/two-factor/totp',
  '/api/two-factor/totp/confirm',
  '/api/two-factor/passkeys/options',
  '/api/two-factor/passkeys',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/setup',
  '/api/health',
  '/api/ready',
]);
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const clearPendingCookie = (reply: FastifyReply) => reply.clearCookie(PENDING_COOKIE, { path: '/api/' });

/**
 * Loads the pending sign-in of a request without a session (only then: a normal request costs
 * nothing here), and holds a sign-in that must add a factor to the routes that add one.
 * Runs after the session is loaded.
 */
export function registerPendingSignIns(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('pendingSignIn', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.session) return;
    const token = request.cookies[PENDING_COOKIE];
    if (!token) return;
    const row = await findPending(context, token);
    const user = row && (await findCurrentUser(context, row.user_id));
    if (!row || !user) {
      clearPendingCookie(reply);
      return;
    }
    const route = request.routeOptions.url ?? '';
    if (route === '/api/auth/logout') {
      await endPending(context, row.id);
      clearPendingCookie(reply);
      return;
    }
    request.pendingSignIn = { row, user };
    if (row.purpose === 'enrol' && !OPEN_WHILE_ENROLLING.has(route)) {
      throw new AppError(
        'TWO_FACTOR_ENROLMENT_REQUIRED',
        'Ditt konto kräver tvåstegsverifiering. Lägg till en app eller nyckel innan du fortsätter.',
      );
    }
  });
}

/** The pending sign-in of the request, its CSRF token checked as a session's would be. */
function pendingOf(request: FastifyRequest): { row: PendingSignInsTable; user: CurrentUser } {
  const pending = request.pendingSignIn;
  if (!pending) {
    throw new AppError('UNAUTHENTICATED', 'Inloggningen har gått ut. Logga in med ditt lösenord igen.');
  }
  if (unsafeMethods.has(request.method) && request.headers[CSRF_HEADER] !== pending.row.csrf_token) {
    throw new AppError('CSRF_FAILED', 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.');
  }
  return pending;
}

/** A signed-in user, or a sign-in that may do nothing but add a factor. */
function enrollerOf(request: FastifyRequest): Enroller {
  if (request.session) return { user: request.session.user, pendingId: null };
  const pending = request.pendingSignIn;
  if (pending?.row.purpose !== 'enrol') return { user: requireUser(request), pendingId: null };
  return { user: pendingOf(request).user, pendingId: pending.row.id };
}

function sendStarted(context: AppContext, reply: FastifyReply, session: StartedSession) {
  clearPendingCookie(reply);
  return sendSession(context, reply, session);
}

/** Wrong codes are also limited per client address, beside the five tries of each pending sign-in. */
const perAddress = (context: AppContext) => ({
  ...rateLimitPerAddressAndEmail(context),
  keyGenerator: (request: FastifyRequest) => `two-factor:${request.ip}`,
});

export const twoFactorRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/two-factor/verify',
      {
        schema: {
          tags: signInTags,
          summary: 'Slutför inloggningen med koden från appen eller en återställningskod',
          description: 'Efter fem felaktiga koder måste lösenordet anges igen.',
          body: verifyCodeBodySchema,
          response: { 200: sessionSchema, ...errors },
        },
        config: { rateLimit: perAddress(context) },
      },
      async (request, reply) =>
        sendStarted(context, reply, await verifyCode(context, pendingOf(request).row, request.body)),
    );

    app.post(
      '/api/auth/two-factor/passkey/options',
      {
        schema: {
          tags: signInTags,
          summary: 'Utmaningen för att slutföra inloggningen med en nyckel (passkey)',
          response: { 200: webAuthnOptionsSchema, ...errors },
        },
      },
      async (request) => passkeySignInOptions(context, pendingOf(request).row),
    );

    app.post(
      '/api/auth/two-factor/passkey',
      {
        schema: {
          tags: signInTags,
          summary: 'Slutför inloggningen med nyckelns svar på utmaningen',
          body: passkeySignInBodySchema,
          response: { 200: sessionSchema, ...errors },
        },
        config: { rateLimit: perAddress(context) },
      },
      async (request, reply) =>
        sendStarted(context, reply, await verifyPasskey(context, pendingOf(request).row, request.body.response)),
    );

    app.get(
      '/api/two-factor',
      {
        schema: {
          tags,
          summary: 'Mina sätt att bekräfta inloggningen',
          response: { 200: twoFactorStatusSchema, ...errors },
        },
      },
      async (request) => twoFactorStatus(context, enrollerOf(request).user),
    );

    app.post(
      '/api/two-factor/totp',
      {
        schema: {
          tags,
          summary: 'Börja lägga till en app: en ny hemlighet att skriva in eller läsa in i appen',
          description: 'Gäller först när den bekräftats med en kod från appen.',
          response: { 200: totpSetupSchema, ...errors },
        },
      },
      async (request) => startTotp(context, enrollerOf(request)),
    );

    app.post(
      '/api/two-factor/totp/confirm',
      {
        schema: {
          tags,
          summary: 'Bekräfta appen med en kod från den',
          description:
            'Ger återställningskoder (visas en gång) om kontot saknar dem, och en session om inloggningen väntade på detta.',
          body: confirmTotpBodySchema,
          response: { 200: enrolmentResultSchema, ...errors },
        },
        config: { rateLimit: perAddress(context) },
      },
      async (request, reply) => {
        const enroller = enrollerOf(request);
        const { result, session } = await confirmTotp(context, enroller, request.body.code);
        if (session) sendStarted(context, reply, session);
        return result;
      },
    );

    app.delete(
      '/api/two-factor/totp',
      {
        schema: {
          tags,
          summary: 'Ta bort appen (med lösenordet)',
          body: passwordConfirmationBodySchema,
          response: { 204: z.null(), ...errors },
        },
        config: { rateLimit: perAddress(context) },
      },
      async (request, reply) => {
        await removeTotp(context, requireUser(request), request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/two-factor/passkeys/options',
      {
        schema: {
          tags,
          summary: 'Utmaningen för att registrera en nyckel (passkey)',
          response: { 200: webAuthnOptionsSchema, ...errors },
        },
      },
      async (request) => passkeyRegistrationOptions(context, enrollerOf(request)),
    );

    app.post(
      '/api/two-factor/passkeys',
      {
        schema: {
          tags,
          summary: 'Registrera en nyckel med dess svar på utmaningen',
          body: registerPasskeyBodySchema,
          response: { 200: enrolmentResultSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { result, session } = await registerPasskey(context, enrollerOf(request), request.body);
        if (session) sendStarted(context, reply, session);
        return result;
      },
    );

    app.delete(
      '/api/two-factor/passkeys/:id',
      {
        schema: {
          tags,
          summary: 'Ta bort en nyckel (med lösenordet)',
          params: z.object({ id: z.string().min(1).max(1000) }),
          body: passwordConfirmationBodySchema,
          response: { 204: z.null(), ...errors },
        },
        config: { rateLimit: perAddress(context) },
      },
      async (request, reply) => {
        await removePasskey(context, requireUser(request), request.params.id, request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/two-factor/recovery-codes',
      {
        schema: {
          tags,
          summary: 'Nya återställningskoder (med lösenordet); de gamla slutar gälla',
          body: passwordConfirmationBodySchema,
          response: { 200: recoveryCodesSchema, ...errors },
        },
        config: { rateLimit: perAddress(context) },
      },
      async (request) => renewRecoveryCodes(context, requireUser(request), request.body.password),
    );

    app.get(
      '/api/two-factor/policy',
      {
        schema: {
          tags,
          summary: 'Kräver leverantören tvåstegsverifiering av sin personal?',
          response: { 200: vendorTwoFactorPolicySchema, ...errors },
        },
      },
      async (request) => {
        requireVendorAdmin(request);
        return vendorPolicy(context);
      },
    );

    app.put(
      '/api/two-factor/policy',
      {
        schema: {
          tags,
          summary: 'Kräv (eller sluta kräva) tvåstegsverifiering av leverantörens personal',
          body: vendorTwoFactorPolicySchema,
          response: { 200: vendorTwoFactorPolicySchema, ...errors },
        },
      },
      async (request) => setVendorPolicy(context, requireVendorAdmin(request), request.body),
    );

    app.get(
      '/api/customers/:customerId/two-factor-policy',
      {
        schema: {
          tags,
          summary: 'Kräver leverantören tvåstegsverifiering av kundens personer?',
          params: z.object({ customerId: idSchema }),
          response: { 200: customerTwoFactorPolicySchema, ...errors },
        },
      },
      async (request) => {
        requireVendorAdmin(request);
        return customerPolicy(context, request.params.customerId);
      },
    );

    app.put(
      '/api/customers/:customerId/two-factor-policy',
      {
        schema: {
          tags,
          summary: 'Kräv (eller sluta kräva) tvåstegsverifiering av kundens personer',
          params: z.object({ customerId: idSchema }),
          body: customerTwoFactorPolicySchema,
          response: { 200: customerTwoFactorPolicySchema, ...errors },
        },
      },
      async (request) =>
        setCustomerPolicy(context, requireVendorAdmin(request), request.params.customerId, request.body),
    );
  };

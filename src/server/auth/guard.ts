import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, type CurrentUser } from '../../shared/auth.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { SessionWithUser } from './repository.js';
import { findActiveSession } from './service.js';

export const SESSION_COOKIE = 'stegvis_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionWithUser | null;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the session behind the cookie and protects cookie-authenticated writes against
 * cross-site requests: the Origin (when sent) must be this site, and the session's CSRF token
 * must come back in a header that another site cannot set.
 */
export function registerSessionLoading(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const unsafe = unsafeMethods.has(request.method);
    if (unsafe) assertSameOrigin(request);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findActiveSession(context, token);
    if (!session) return;
    if (unsafe && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.');
    }
    request.session = session;
  });
}

function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = '';
  }
  if (originHost !== request.headers.host) {
    throw new AppError('CSRF_FAILED', 'Begäran kommer från en annan webbplats och avvisades.');
  }
}

export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.session) throw new AppError('UNAUTHENTICATED', 'Du behöver logga in');
  return request.session.user;
}

export function requireVendorAdmin(request: FastifyRequest): CurrentUser {
  const user = requireUser(request);
  if (user.role !== 'vendor_admin') {
    throw new AppError('FORBIDDEN', 'Bara leverantörens administratör får göra detta');
  }
  return user;
}

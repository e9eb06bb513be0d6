import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idSchema } from '../../shared/common.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { organisationRepository } from '../organisation/repository.js';
import { loadProjectAccess, type ProjectAccess, requireCustomerRead } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    projectAccess: ProjectAccess | null;
  }
  interface FastifyContextConfig {
    /** The route still changes a closed project: the goal follow-up, the follow-up meeting, reading marks. */
    openAfterClosure?: boolean;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route under a project, a customer or a person is checked here, by its path, before its
 * input is even validated: no session answers 401, and anything the user has no part in answers
 * 404 exactly like something that does not exist. A route added later under these paths is
 * covered without anyone remembering to.
 */
const scopes: {
  prefix: string;
  param: string;
  check: (context: AppContext, request: FastifyRequest, id: string) => Promise<void>;
}[] = [
  {
    prefix: '/api/projects/:id',
    param: 'id',
    check: async (context, request, id) => {
      const access = await loadProjectAccess(context, requireUser(request), id);
      request.projectAccess = access;
      if (access.closed && !READS.has(request.method) && !request.routeOptions.config.openAfterClosure) {
        throw new AppError(
          'PROJECT_CLOSED',
          'Projektet är avslutat och i genomförandefasen: planen kan inte längre ändras. Måluppföljningen och uppföljningsmötet går fortfarande att uppdatera.',
        );
      }
    },
  },
  {
    prefix: '/api/customers/:customerId',
    param: 'customerId',
    check: async (context, request, id) => {
      await requireCustomerRead(context, requireUser(request), id);
    },
  },
  {
    prefix: '/api/people/:personId',
    param: 'personId',
    check: async (context, request, id) => {
      const user = requireUser(request);
      const person = await organisationRepository.findPerson(context.db, id);
      if (!person) throw notFound('Personen');
      if (person.customer_id === null) {
        if (user.role !== 'vendor_admin') throw notFound('Personen');
      } else {
        await requireCustomerRead(context, user, person.customer_id).catch(() => {
          throw notFound('Personen');
        });
      }
    },
  },
];

export function registerScopeGuard(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest('projectAccess', null);
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url ?? '';
    const scope = scopes.find((candidate) => route === candidate.prefix || route.startsWith(`${candidate.prefix}/`));
    if (!scope) return;
    requireUser(request);
    const id = (request.params as Record<string, string>)[scope.param];
    if (!idSchema.safeParse(id).success) throw new AppError('NOT_FOUND', 'Finns inte');
    await scope.check(context, request, id);
  });
}

/** The project access the guard loaded for this request. */
export function projectAccessOf(request: FastifyRequest): ProjectAccess {
  if (!request.projectAccess) throw new Error(`no project access loaded for ${request.routeOptions.url}`);
  return request.projectAccess;
}

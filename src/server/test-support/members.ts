import type { FastifyInstance } from 'fastify';
import type { UserRole } from '../../shared/auth.js';
import { type Agent, loginAs } from './app.js';
import { assignRole, createPerson } from './factories.js';

/**
 * Logs in someone who is a person of `customerId` (null: of the vendor) and holds `roleKeys` in
 * the project: what a customer's Projektledare, a Rektor or a project supporter would be.
 */
export async function loginAsMember(
  app: FastifyInstance,
  input: { customerId: string | null; projectId?: string; roleKeys?: string[]; schoolId?: string | null },
): Promise<Agent & { userId: string; personId: string }> {
  const role: UserRole = input.customerId === null ? 'vendor_staff' : 'customer';
  const agent = await loginAs(app, role);
  const person = await createPerson(app, { customerId: input.customerId, userId: agent.userId });
  for (const roleKey of input.roleKeys ?? []) {
    if (!input.projectId) throw new Error('roleKeys need a projectId');
    await assignRole(app, { projectId: input.projectId, personId: person.id, roleKey, schoolId: input.schoolId });
  }
  // The session was started before the person existed; the person is looked up per request.
  return Object.assign(agent, { personId: person.id });
}

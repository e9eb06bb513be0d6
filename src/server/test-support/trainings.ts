import type { FastifyInstance } from 'fastify';
import type { School } from '../../shared/organisation.js';
import type { Agent } from './app.js';
import { assignRole, createPerson } from './factories.js';

export async function createSchool(
  agent: Agent,
  customerId: string,
  input: { name: string; staffCount?: number | null },
): Promise<School> {
  const response = await agent.post(`/api/customers/${customerId}/schools`, { schoolForms: ['grundskola'], ...input });
  if (response.statusCode !== 201) throw new Error(`school not created: ${response.body}`);
  return response.json();
}

/**
 * People of the customer holding a school-level role (rektor, administrator, anvandarstodjare) at
 * a school in the project, inserted directly: what the organisation page would have.
 */
export async function createRoleHolders(
  app: FastifyInstance,
  input: { customerId: string; projectId: string; schoolId: string; roleKey: string; names: string[] },
) {
  const people = [];
  for (const name of input.names) {
    const person = await createPerson(app, { customerId: input.customerId, name });
    await assignRole(app, {
      projectId: input.projectId,
      personId: person.id,
      roleKey: input.roleKey,
      schoolId: input.schoolId,
    });
    people.push(person);
  }
  return people;
}

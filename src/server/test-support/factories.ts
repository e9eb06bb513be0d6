import type { FastifyInstance } from 'fastify';
import { hasValidLuhnChecksum } from '../../shared/common.js';
import { newId } from '../core/ids.js';
import type { Agent } from './app.js';

let organisationCounter = Math.floor(Math.random() * 1000);

/**
 * An organisation number with a valid check digit (municipalities start with 212000), different
 * from the previous 999 so that the customers of one test never collide.
 */
export function organisationNumber(): string {
  organisationCounter = (organisationCounter + 1) % 1000;
  const body = `212000${String(organisationCounter).padStart(3, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit)) as string;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

let customerCounter = 0;

export async function createCustomer(agent: Agent, overrides: { name?: string; organisationNumber?: string } = {}) {
  customerCounter += 1;
  const response = await agent.post('/api/customers', {
    name: overrides.name ?? `Testkommun ${customerCounter}`,
    organisationNumber: overrides.organisationNumber ?? organisationNumber(),
  });
  if (response.statusCode !== 201) throw new Error(`customer not created: ${response.body}`);
  return response.json() as { id: string; name: string; organisationNumber: string };
}

export async function createProject(agent: Agent, customerId?: string) {
  const customer = customerId ?? (await createCustomer(agent)).id;
  const response = await agent.post('/api/projects', { customerId: customer });
  if (response.statusCode !== 201) throw new Error(`project not created: ${response.body}`);
  return response.json() as { id: string; name: string; customer: { id: string } };
}

let personCounter = 0;

/** A person of a customer (or of the vendor, with `customerId: null`), inserted directly. */
export async function createPerson(
  app: FastifyInstance,
  input: { customerId: string | null; name?: string; email?: string | null; userId?: string | null },
) {
  personCounter += 1;
  const now = new Date().toISOString();
  const person = {
    id: newId(),
    customer_id: input.customerId,
    name: input.name ?? `Person ${personCounter}`,
    email: input.email === undefined ? `person${personCounter}-${newId().slice(0, 6)}@exempel.se` : input.email,
    phone: null,
    title: null,
    user_id: input.userId ?? null,
    created_at: now,
    updated_at: now,
  };
  await app.stegvis.db.insertInto('people').values(person).execute();
  return { id: person.id, customerId: person.customer_id, name: person.name, email: person.email };
}

/** Gives a person a role in a project (optionally for one school), inserted directly. */
export async function assignRole(
  app: FastifyInstance,
  input: { projectId: string; personId: string; roleKey: string; schoolId?: string | null },
) {
  const id = newId();
  await app.stegvis.db
    .insertInto('role_assignments')
    .values({
      id,
      project_id: input.projectId,
      person_id: input.personId,
      role_key: input.roleKey,
      school_id: input.schoolId ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id };
}

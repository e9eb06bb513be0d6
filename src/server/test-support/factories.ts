import { hasValidLuhnChecksum } from '../../shared/common.js';
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

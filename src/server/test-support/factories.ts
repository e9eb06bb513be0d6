import { hasValidLuhnChecksum } from '../../shared/common.js';
import type { Agent } from './app.js';

/** A random organisation number with a valid check digit (municipalities start with 212000). */
export function organisationNumber(): string {
  const body = `212000${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
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

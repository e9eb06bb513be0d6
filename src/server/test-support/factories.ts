import type { FastifyInstance } from 'fastify';
import { hasValidLuhnChecksum } from '../../shared/common.js';
import type { Measurement } from '../../shared/measurements.js';
import type { Goal, GoalInput, Plan, PlanSection } from '../../shared/plan.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
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
  // As the organisation page's audit event does: what the portfolio computed of the project is out of date.
  await app.stegvis.db
    .updateTable('projects')
    .set((eb) => ({ change_count: eb('change_count', '+', 1) }))
    .where('id', '=', input.projectId)
    .execute();
  return { id };
}

type EffectGoalInput = Extract<GoalInput, { kind: 'effect' }>;

/** A measurable effect goal, as the template's first example reads. */
export async function createEffectGoal(
  agent: Agent,
  projectId: string,
  overrides: Partial<Omit<EffectGoalInput, 'kind'>> = {},
): Promise<Goal> {
  const response = await agent.post(`/api/projects/${projectId}/goals`, {
    kind: 'effect',
    title: '100 % av eleverna ska ha fått bedömning i varje ämne minst en gång per termin',
    measure: 'Andel elever med bedömning i varje ämne under terminen',
    unit: 'percent',
    baseline: 40,
    target: 100,
    targetDate: '2027-12-20',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`goal not created: ${response.body}`);
  return response.json();
}

/** Saves plain texts (one paragraph per line, "• " for bullets) into a section, on its current version. */
export async function savePlanSection(
  agent: Agent,
  projectId: string,
  sectionKey: string,
  texts: Record<string, string>,
): Promise<PlanSection> {
  const plan: Plan = (await agent.get(`/api/projects/${projectId}/plan`)).json();
  const section = plan.sections.find((candidate) => candidate.key === sectionKey);
  if (!section) throw new Error(`no plan section ${sectionKey}`);
  const response = await agent.put(`/api/projects/${projectId}/plan/sections/${sectionKey}`, {
    version: section.version,
    texts: Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, richTextFromPlainText(text)])),
  });
  if (response.statusCode !== 200) throw new Error(`plan section not saved: ${response.body}`);
  return response.json();
}

/** Records a measurement of an effect goal by hand. */
export async function recordMeasurement(
  agent: Agent,
  projectId: string,
  goalId: string,
  body: { measuredOn: string; value: number; source?: string; comment?: string },
): Promise<Measurement> {
  const response = await agent.post(`/api/projects/${projectId}/goals/${goalId}/measurements`, body);
  if (response.statusCode !== 201) throw new Error(`measurement not recorded: ${response.body}`);
  return response.json();
}

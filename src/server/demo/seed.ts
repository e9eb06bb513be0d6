import type { CurrentUser } from '../../shared/auth.js';
import { authRepository } from '../auth/repository.js';
import { createUser, toCurrentUser } from '../auth/service.js';
import { checklistRepository } from '../checklist/repository.js';
import type { AppContext } from '../core/context.js';
import { customerRepository } from '../customers/repository.js';
import { createCustomer } from '../customers/service.js';
import { createProject } from '../projects/service.js';

export const DEMO_ADMIN = { email: 'admin@demo.stegvis.se', password: 'stegvis-demo-2026', name: 'Alva Admin' };
export const DEMO_CUSTOMER = { name: 'Exempelby kommun', organisationNumber: '212000-3005' };

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export interface DemoResult {
  created: boolean;
  login: { email: string; password: string } | null;
  projectId?: string;
}

/**
 * Fills in a demo municipality with a project under way: some activities done, deadlines spread
 * over the coming weeks and two overdue, so a newcomer sees a living plan at once.
 */
export async function seedDemo(context: AppContext): Promise<DemoResult> {
  if (await customerRepository.findByOrganisationNumber(context.db, DEMO_CUSTOMER.organisationNumber)) {
    return { created: false, login: null };
  }
  const existingAdmin = await authRepository.findUserByEmail(context.db, DEMO_ADMIN.email);
  const admin: CurrentUser = existingAdmin
    ? toCurrentUser(existingAdmin)
    : await createUser(context, { ...DEMO_ADMIN, role: 'vendor_admin' });
  const customer = await createCustomer(context, DEMO_CUSTOMER);
  const today = context.clock.now();
  const project = await createProject(context, {
    customerId: customer.id,
    name: 'Införande av skolplattformen 2027',
    startDate: addDays(today, -21),
  });
  const activities = await checklistRepository.listByProject(context.db, project.id);
  for (const [index, activity] of activities.entries()) {
    const done = index < 5;
    await checklistRepository.updateIfVersion(
      context.db,
      { projectId: project.id, activityId: activity.id, version: activity.version, updatedAt: today.toISOString() },
      {
        deadline: addDays(today, index * 6 - 40),
        done: done ? { at: addDays(today, index - 14), byUserId: admin.id } : undefined,
      },
    );
  }
  return { created: true, login: existingAdmin ? null : DEMO_ADMIN, projectId: project.id };
}

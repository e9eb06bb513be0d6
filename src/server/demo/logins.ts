import { hash } from '@node-rs/argon2';
import type { CurrentUser } from '../../shared/auth.js';
import type { Person } from '../../shared/organisation.js';
import { authRepository } from '../auth/repository.js';
import { toCurrentUser } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { invitationRepository } from '../invitations/repository.js';
import { invitePerson } from '../invitations/service.js';

/** Every demo login shares the vendor admin's password, so that each perspective is one step away. */
export const DEMO_PASSWORD = 'stegvis-demo-2026';

export interface DemoLogin {
  name: string;
  /** Who they are in the demo, as printed at start: "projektledare i Exempelby kommun". */
  role: string;
  email: string;
}

/** The person's login as an invitation gives it, with the demo password already chosen. */
export async function demoLogin(context: AppContext, admin: CurrentUser, person: Person): Promise<CurrentUser> {
  const email = person.email ?? '';
  if (!(await authRepository.findUserByEmail(context.db, email))) await invitePerson(context, admin, person.id);
  const row = await authRepository.findUserByEmail(context.db, email);
  if (!row) throw new Error(`the invited ${person.name} has no user`);
  await invitationRepository.setPasswordHash(context.db, row.id, await hash(DEMO_PASSWORD));
  return toCurrentUser(row);
}

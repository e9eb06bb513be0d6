import type { CurrentUser } from '../../shared/auth.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { projectRepository } from './repository.js';

/**
 * The one check every project request makes. The vendor sees every project; customer users get
 * project membership with the organisation (roles) and until then see none. An unknown project
 * and a project the user may not see answer alike, so ids cannot be probed.
 */
export async function loadAccessibleProject(context: AppContext, user: CurrentUser, projectId: string) {
  const project = await projectRepository.findAccessRef(context.db, projectId);
  if (!project || user.role === 'customer') throw notFound('Projektet');
  return project;
}

export function assertCanEditProject(user: CurrentUser): void {
  if (user.role === 'customer') throw new AppError('FORBIDDEN', 'Du får inte ändra i det här projektet');
}

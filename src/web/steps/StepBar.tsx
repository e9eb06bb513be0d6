import type { ProjectDetail } from '../../shared/projects.js';

/** The ten implementation steps on the project page: where the project is and what it lacks to move on. */
export function StepBar(_props: { project: ProjectDetail }) {
  return null;
}

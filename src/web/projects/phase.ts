import type { ProjectDetail } from '../../shared/projects.js';

/** Closure approved: the project is in the operations phase, and only the goal follow-up changes. */
export const isClosed = (project: Pick<ProjectDetail, 'phase'>): boolean => project.phase === 'operations';

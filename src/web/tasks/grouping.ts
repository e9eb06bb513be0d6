import type { MyTask } from '../../shared/checklist.js';

export interface ProjectTasks {
  project: MyTask['project'];
  tasks: MyTask[];
}

/**
 * The tasks by project, keeping the order they came in (soonest deadline first): the project with
 * the most pressing task comes first, and each project's tasks stay soonest first.
 */
export function groupByProject(tasks: readonly MyTask[]): ProjectTasks[] {
  const groups = new Map<string, ProjectTasks>();
  for (const task of tasks) {
    const group = groups.get(task.project.id);
    if (group) group.tasks.push(task);
    else groups.set(task.project.id, { project: task.project, tasks: [task] });
  }
  return [...groups.values()];
}

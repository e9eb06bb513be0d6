import { describe, expect, it } from 'vitest';
import type { MyTask } from '../../shared/checklist.js';
import { groupByProject } from './grouping.js';

const task = (projectId: string, activityId: string, deadline: string | null): MyTask => ({
  project: { id: projectId, name: `Projekt ${projectId}`, customerName: 'Exempelby kommun' },
  activity: { id: activityId, title: `Aktivitet ${activityId}`, deadline, version: 1, canTick: true },
  overdue: false,
});

describe('groupByProject', () => {
  it('puts first the project with the most pressing task, each keeping its tasks soonest first', () => {
    const groups = groupByProject([
      task('B', 'b1', '2026-11-20'),
      task('A', 'a1', '2026-11-25'),
      task('B', 'b2', '2026-12-01'),
      task('A', 'a2', null),
    ]);
    expect(groups.map((group) => group.project.id)).toEqual(['B', 'A']);
    expect(groups[0].tasks.map((each) => each.activity.id)).toEqual(['b1', 'b2']);
    expect(groups[1].tasks.map((each) => each.activity.id)).toEqual(['a1', 'a2']);
  });

  it('has no groups without tasks', () => {
    expect(groupByProject([])).toEqual([]);
  });
});

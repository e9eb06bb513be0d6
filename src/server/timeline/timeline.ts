import type { TimelineItem } from '../../shared/timeline.js';

interface KeyActivityInput {
  id: string;
  position: number;
  title: string;
  date: string | null;
  version: number;
}

interface ActivityInput {
  id: string;
  position: number;
  title: string;
  deadline: string;
  done: boolean;
  groupTitle: string;
  version: number;
}

/**
 * Key activities and checklist deadlines as one list by date, undated key activities last. On the
 * same day the plan's key activity comes before the checklist's, each in its own order. A key
 * activity is a moment: done once its day has passed, never overdue.
 */
export function timelineItems(
  keyActivities: KeyActivityInput[],
  activities: ActivityInput[],
  today: string,
): TimelineItem[] {
  const items = [
    ...keyActivities.map((key) => ({
      position: key.position,
      item: {
        id: key.id,
        kind: 'key' as const,
        title: key.title,
        date: key.date,
        done: key.date !== null && key.date < today,
        overdue: false,
        version: key.version,
      },
    })),
    ...activities.map((activity) => ({
      position: activity.position,
      item: {
        id: activity.id,
        kind: 'activity' as const,
        title: activity.title,
        date: activity.deadline,
        done: activity.done,
        overdue: !activity.done && activity.deadline < today,
        groupTitle: activity.groupTitle,
        version: activity.version,
      },
    })),
  ];
  const byDate = (a: string | null, b: string | null) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
  };
  const keyFirst = (kind: TimelineItem['kind']) => (kind === 'key' ? 0 : 1);
  return items
    .sort(
      (a, b) =>
        byDate(a.item.date, b.item.date) || keyFirst(a.item.kind) - keyFirst(b.item.kind) || a.position - b.position,
    )
    .map(({ item }) => item);
}

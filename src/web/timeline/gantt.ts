import type { GanttTask } from 'frappe-gantt';
import type { TimelineItem } from '../../shared/timeline.js';

/** The words in front of a bar's label, so that no state is told by colour alone. */
export interface BarMarks {
  key: string;
  done: string;
  overdue: string;
}

export type TimelineState = 'done' | 'overdue' | 'open';

export const stateOf = (item: Pick<TimelineItem, 'done' | 'overdue'>): TimelineState =>
  item.done ? 'done' : item.overdue ? 'overdue' : 'open';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** frappe-gantt writes a bar's label with innerHTML: a title must reach it as text, never as markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => htmlEscapes[character]);

/**
 * The chart's bars: every dated item as a one-day bar, its kind and state in one class
 * (`timeline-key-done`, `timeline-activity-overdue`, …) and in the words of its label.
 */
export function ganttTasks(items: readonly TimelineItem[], marks: BarMarks): GanttTask[] {
  return items.flatMap((item) => {
    if (item.date === null) return [];
    const state = stateOf(item);
    const label = [
      item.kind === 'key' ? marks.key : null,
      state === 'done' ? marks.done : state === 'overdue' ? marks.overdue : null,
      item.title,
    ]
      .filter((part) => part !== null)
      .join(' ');
    return [
      {
        id: item.id,
        name: escapeHtml(label),
        start: item.date,
        end: item.date,
        progress: 0,
        custom_class: `timeline-${item.kind}-${state}`,
      },
    ];
  });
}

export interface TimelineSummary {
  count: number;
  from: string;
  to: string;
  keys: number;
  done: number;
  overdue: number;
}

/** What the chart shows, in numbers, for its text alternative; null when nothing is dated. */
export function timelineSummary(items: readonly TimelineItem[]): TimelineSummary | null {
  const dated = items.filter((item) => item.date !== null);
  if (dated.length === 0) return null;
  const dates = dated.map((item) => item.date as string).sort();
  return {
    count: dated.length,
    from: dates[0],
    to: dates[dates.length - 1],
    keys: dated.filter((item) => item.kind === 'key').length,
    done: dated.filter((item) => item.done).length,
    overdue: dated.filter((item) => item.overdue).length,
  };
}

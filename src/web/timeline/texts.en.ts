/** The English of texts.ts, fetched only when someone chooses English. */
import type { timelineSv } from './texts.js';

export const timelineEn: typeof timelineSv = {
  title: 'Timeline',
  intro:
    "The plan's key activities and the checklist's deadlines on a timeline. Dates are changed in the table below the timeline or in the checklist.",
  chart: {
    title: 'Timeline',
    view: 'Show by',
    month: 'Month',
    week: 'Week',
    today: 'Go to today',
    summary_one:
      'Timeline with {{count}} date from {{from}} to {{to}}: {{keys}} key activities, {{done}} done and {{overdue}} overdue. The table below holds the same items.',
    summary_other:
      'Timeline with {{count}} dates from {{from}} to {{to}}: {{keys}} key activities, {{done}} done and {{overdue}} overdue. The table below holds the same items.',
    empty: 'Nothing has a date yet. Date the key activities below or set deadlines in the checklist.',
    legend: 'Legend',
    todayLine: "The line marks today's date.",
  },
  kinds: {
    key: 'Key activity',
    activity: 'Activity',
    activityIn: 'Activity in {{group}}',
  },
  statuses: {
    done: 'Done',
    overdue: 'Overdue',
    upcoming: 'Upcoming',
    undated: 'No date',
  },
  marks: {
    key: '◆',
    done: '✓',
    overdue: 'Overdue:',
  },
  table: {
    title: 'All dates',
    caption: 'Key activities and deadlines by date',
    activity: 'Activity',
    kind: 'Type',
    date: 'Date',
    status: 'Status',
    dateOf: 'Date of {{title}}',
    save: 'Save',
    saveLabel: 'Save the date of {{title}}',
    saved: 'The date of “{{title}}” is saved.',
    conflict: 'Someone else changed “{{title}}” first. The table is updated – change the date again if needed.',
    saveFailed: 'The date could not be saved: {{message}}',
    noDate: 'No date',
  },
  calendar: {
    title: 'Calendar for the project',
    intro:
      "Subscribe to the project's deadlines and key activities in Outlook, Google Calendar or another calendar program.",
  },
};

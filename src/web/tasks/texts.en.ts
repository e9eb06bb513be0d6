/** The English of texts.ts, fetched only when someone chooses English. */
import type { tasksSv } from './texts.js';

export const tasksEn: typeof tasksSv = {
  title: 'My tasks',
  intro:
    'Your open activities in every project, soonest deadline first: those you are named for and those your roles answer for.',
  listTitle: 'Open activities',
  empty: 'You have no open activities. Well done!',
  project: '{{project}} · {{customer}}',
  deadline: 'Deadline {{date}}',
  noDeadline: 'No deadline',
  overdue: 'Overdue',
  markDone: 'Mark as done: {{title}}',
  ticked: '“{{title}}” is marked as done and removed from the list.',
  undo: 'Undo',
  undone: '“{{title}}” is open again.',
  conflict: 'Someone else changed “{{title}}” first. The list is updated.',
  saveFailed: 'Could not mark “{{title}}” as done: {{message}}',
  reminders: {
    title: 'Reminders',
    intro: 'Stegvis sends e-mail when a deadline draws near or has passed, and a weekly letter with what lies ahead.',
    enabled: 'Send reminders by e-mail',
    daysBefore: 'Days before the deadline',
    daysBeforeHint: 'How many days before the deadline the first reminder is sent (0–{{max}}).',
    digestWeekday: 'Weekly letter on',
    save: 'Save reminders',
    saved: 'The reminders are saved.',
    noPersonTitle: 'No reminders for your account',
  },
  weekdays: {
    '1': 'Monday',
    '2': 'Tuesday',
    '3': 'Wednesday',
    '4': 'Thursday',
    '5': 'Friday',
    '6': 'Saturday',
    '7': 'Sunday',
  },
  calendar: {
    title: 'Calendar',
    intro: 'Subscribe to your deadlines in Outlook, Google Calendar or another calendar program.',
    create: 'Create calendar link',
    renew: 'Renew calendar link',
    address: 'Calendar address',
    copy: 'Copy',
    copied: 'Copied',
    created: 'The calendar link is created.',
    withoutPerson:
      "Your account is not a person of the organisation, so there are no deadlines of your own to show. Subscribe to a project's calendar under the project's Timeline instead.",
    howTo:
      'Add the address as a calendar from the internet (a subscription) in Outlook or Google Calendar; it updates by itself. The address is secret: whoever has it sees the calendar.',
    renewNote:
      'The address is your own. Stegvis shows it only when it is created. Renewing the link makes your old address stop working (nobody else’s is affected), and your calendars subscribing to it need the new one. A project in which you no longer hold a role leaves the calendar.',
  },
};

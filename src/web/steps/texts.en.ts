/** The English of texts.ts, fetched only when someone chooses English. */
import type { stepsSv } from './texts.js';

export const stepsEn: typeof stepsSv = {
  title: 'The ten implementation steps',
  listLabel: 'Steps of the implementation',
  step: 'Step',
  state: {
    done: 'Done',
    current: 'In progress',
    upcoming: 'Coming',
  },
  currentOf: 'Step {{number}} of {{total}}: {{title}}',
  closed: 'Closed – operations phase',
  allDone: 'Every step has what it requires.',
  missingTitle: 'What is missing to move on',
  nothingMissing: 'The step has everything it requires.',
  heldWithNothingMissing:
    'The step has everything it requires; the project is held until someone changes the step again.',
  requirementsTitle: 'Step {{number}}: {{title}}',
  noRequirements: 'The step has no activities or key activities in the project.',
  requirement: {
    done: 'Done',
    notDone: 'Not done',
    activity: 'Activity',
    keyActivity: 'Key activity',
    deadline: 'by {{date}}',
    on: '{{date}}',
    overdue: 'overdue',
    noDate: 'no date',
  },
  decision: {
    hold: 'Held at step {{step}} by {{name}} on {{date}}:',
    advance: 'Moved on to step {{step}} by {{name}} on {{date}}:',
    derived: 'According to the data: step {{step}}',
  },
  history: {
    toggle: 'Decisions on the step ({{count}})',
    title: 'Decisions on the step, newest first',
    hold: '{{date}}: {{name}} held the project at step {{step}} (step {{derived}} according to the data)',
    advance: '{{date}}: {{name}} moved the project on to step {{step}} (step {{derived}} according to the data)',
    follow_data: '{{date}}: {{name}} let the data decide the step again (step {{derived}})',
  },
  change: {
    open: 'Change step',
    title: 'Change the project’s step',
    step: 'Step',
    choose: 'Choose a step',
    option: 'Step {{number}}: {{title}}',
    followData: 'Follow the data again',
    reason: 'Why?',
    reasonHint: 'Visible to everyone in the project and kept in the history.',
    save: 'Save',
    saved: 'The step has been changed.',
    conflict:
      'Someone else changed the step at the same time. The decision shown is the one in force now; change it again if needed.',
  },
};

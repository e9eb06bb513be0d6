/** The English of texts.ts, fetched only when someone chooses English. */
import type { acknowledgementsSv } from './texts.js';

export const acknowledgementsEn: typeof acknowledgementsSv = {
  confirm: 'I have read my responsibility',
  confirmLabel: 'I have read my responsibility as {{role}}',
  confirmed: 'Confirmed {{date}}',
  missing: 'Not confirmed',
  outdated: 'New text – not confirmed',
  outdatedSince: 'New text since you confirmed on {{date}} – not confirmed',
  progress: '{{confirmed}} of {{total}} have confirmed their responsibility',
  prompt: {
    title: 'Your responsibility in the project',
    intro: 'Read what your role involves and confirm that you have read your responsibility.',
    introOutdated: 'The responsibility text of your role has changed. Read the new text and confirm again.',
    roleHeading: 'As {{role}}',
    done: 'Thank you! You have confirmed your responsibility as {{role}}.',
    textChanged: 'The text changed while you were reading. Read the new text and confirm again.',
    showText: 'Show the whole text',
    hideText: 'Show less',
    showTextLabel: 'Show the whole responsibility text of {{role}}',
    hideTextLabel: 'Show less of the responsibility text of {{role}}',
  },
  myTasks: {
    title: 'Your responsibility in the projects',
    intro:
      'You hold roles whose responsibility text you have not confirmed, or whose text has changed since you confirmed it. Read the text and confirm that you have read your responsibility.',
    project: '{{project}} · {{customer}}',
  },
  summary: {
    title: 'Confirmed responsibility',
    intro: "Everyone holding a role confirms that they have read the role's responsibility text.",
    allConfirmed: 'Everyone has confirmed their responsibility.',
    noHolders: 'Nobody holds a role in the project yet.',
    notYetTitle: 'Not yet confirmed ({{count}})',
    holding: '{{name}}, {{role}}',
    holdingAtSchool: '{{name}}, {{role}} at {{school}}',
  },
  editor: {
    edit: 'Edit responsibility text',
    editLabel: 'Edit the responsibility text of {{role}}',
    label: 'Responsibility text of {{role}}',
    description: 'The role holders get an e-mail asking them to confirm the new text.',
    save: 'Save responsibility text',
    projectText: "The project's own text",
  },
};

/** "Mina uppgifter" and the calendar links' texts, Swedish first; English must have the same keys. */
export const tasksSv = {
  title: 'Mina uppgifter',
  intro:
    'Dina öppna aktiviteter i alla projekt, den närmaste deadlinen först: de du är namngiven för och de som dina roller ansvarar för.',
  listTitle: 'Öppna aktiviteter',
  empty: 'Du har inga öppna aktiviteter. Bra jobbat!',
  project: '{{project}} · {{customer}}',
  deadline: 'Deadline {{date}}',
  noDeadline: 'Ingen deadline',
  overdue: 'Försenad',
  markDone: 'Markera som klar: {{title}}',
  ticked: '”{{title}}” är markerad som klar och borttagen från listan.',
  undo: 'Ångra',
  undone: '”{{title}}” är öppen igen.',
  conflict: 'Någon annan hann ändra ”{{title}}”. Listan är uppdaterad.',
  saveFailed: 'Det gick inte att markera ”{{title}}” som klar: {{message}}',
  reminders: {
    title: 'Påminnelser',
    intro:
      'Stegvis skickar e-post när en deadline närmar sig eller har passerats, och ett veckobrev med det som väntar.',
    enabled: 'Skicka påminnelser per e-post',
    daysBefore: 'Dagar före deadline',
    daysBeforeHint: 'Hur många dagar innan deadline den första påminnelsen skickas (0–{{max}}).',
    digestWeekday: 'Veckobrev på',
    save: 'Spara påminnelser',
    saved: 'Påminnelserna är sparade.',
    noPersonTitle: 'Inga påminnelser för ditt konto',
  },
  weekdays: {
    '1': 'måndag',
    '2': 'tisdag',
    '3': 'onsdag',
    '4': 'torsdag',
    '5': 'fredag',
    '6': 'lördag',
    '7': 'söndag',
  },
  calendar: {
    title: 'Kalender',
    intro: 'Prenumerera på dina deadlines i Outlook, Google Kalender eller ett annat kalenderprogram.',
    create: 'Skapa kalenderlänk',
    renew: 'Förnya kalenderlänk',
    address: 'Kalenderadress',
    copy: 'Kopiera',
    copied: 'Kopierad',
    created: 'Kalenderlänken är skapad.',
    withoutPerson:
      'Ditt konto hör inte till någon person, så det finns inga egna deadlines att visa. Prenumerera i stället på ett projekts kalender under projektets Tidplan.',
    howTo:
      'Lägg till adressen som en kalender från internet (prenumeration) i Outlook eller Google Kalender; kalendern uppdateras av sig själv. Adressen är hemlig: den som har den ser kalendern.',
    renewNote:
      'Stegvis visar adressen bara när den skapas. Förnyar du länken slutar den gamla adressen att fungera, och kalendrar som prenumererar på den behöver den nya.',
  },
};

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
      'Stegvis shows the address only when it is created. Renewing the link makes the old address stop working, and calendars subscribing to it need the new one.',
  },
};

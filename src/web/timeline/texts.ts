/** The timeline page's texts, Swedish first; English must have the same keys. */
export const timelineSv = {
  title: 'Tidplan',
  intro:
    'Planens nyckelaktiviteter och checklistans deadlines på en tidslinje. Datumen ändras i tabellen under tidslinjen eller i checklistan.',
  chart: {
    title: 'Tidslinje',
    view: 'Visa per',
    month: 'Månad',
    week: 'Vecka',
    today: 'Gå till idag',
    summary_one:
      'Tidslinje med {{count}} datum från {{from}} till {{to}}: {{keys}} nyckelaktiviteter, {{done}} klara och {{overdue}} försenade. Samma uppgifter finns i tabellen nedan.',
    summary_other:
      'Tidslinje med {{count}} datum från {{from}} till {{to}}: {{keys}} nyckelaktiviteter, {{done}} klara och {{overdue}} försenade. Samma uppgifter finns i tabellen nedan.',
    empty: 'Inget har något datum ännu. Sätt datum på nyckelaktiviteterna här nedan eller deadlines i checklistan.',
    legend: 'Förklaring',
    todayLine: 'Linjen markerar dagens datum.',
  },
  kinds: {
    key: 'Nyckelaktivitet',
    activity: 'Aktivitet',
    activityIn: 'Aktivitet i {{group}}',
  },
  statuses: {
    done: 'Klar',
    overdue: 'Försenad',
    upcoming: 'Kommande',
    undated: 'Inget datum',
  },
  /** Prefixes in the chart's bar labels, so that no state is told by colour alone. */
  marks: {
    key: '◆',
    done: '✓',
    overdue: 'Försenad:',
  },
  table: {
    title: 'Alla datum',
    caption: 'Nyckelaktiviteter och deadlines i datumordning',
    activity: 'Aktivitet',
    kind: 'Typ',
    date: 'Datum',
    status: 'Status',
    dateOf: 'Datum för {{title}}',
    save: 'Spara',
    saveLabel: 'Spara datumet för {{title}}',
    saved: 'Datumet för ”{{title}}” är sparat.',
    conflict: 'Någon annan hann ändra ”{{title}}”. Tabellen är uppdaterad – ändra datumet igen om det behövs.',
    saveFailed: 'Datumet kunde inte sparas: {{message}}',
    noDate: 'Inget datum',
  },
  calendar: {
    title: 'Kalender för projektet',
    intro:
      'Prenumerera på projektets deadlines och nyckelaktiviteter i Outlook, Google Kalender eller ett annat kalenderprogram.',
  },
};

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

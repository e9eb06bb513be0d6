/** The timeline page's texts, Swedish first; English (texts.en.ts) must have the same keys. */
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

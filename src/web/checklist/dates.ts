// The sv-SE locale writes dates as YYYY-MM-DD, the way deadlines are stored.
const stockholmDayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Sweden, as the server judges deadlines: a viewer abroad sees the same "Försenad". */
export const stockholmToday = (at: Date = new Date()): string => stockholmDayFormat.format(at);

export const isOverdue = (deadline: string | null, done: boolean, today: string): boolean =>
  !done && deadline !== null && deadline < today;

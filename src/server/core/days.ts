/**
 * Calendar days as `YYYY-MM-DD`, the way deadlines are stored. "Today" is the day in Sweden, so a
 * reminder job running at 00:30 Swedish time (22:30 UTC the day before) already counts the new day.
 */

// The sv-SE locale writes dates as YYYY-MM-DD.
const stockholmDayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const stockholmDay = (at: Date): string => stockholmDayFormat.format(at);

const DAY_MS = 86_400_000;
const utcMidnight = (day: string): Date => new Date(`${day}T00:00:00Z`);

export const addDays = (day: string, count: number): string =>
  new Date(utcMidnight(day).getTime() + count * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to`: 1 for tomorrow, negative for the past. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / DAY_MS);

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => utcMidnight(day).getUTCDay() || 7;

/** The ISO-8601 week, e.g. `2027-W01`: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week number alone, as Swedes say it: "vecka 13". */
export const weekNumber = (day: string): number => Number(isoWeek(day).slice(6));

const swedishDayFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

/** "31 mars 2027". */
export const swedishDate = (day: string): string => swedishDayFormat.format(utcMidnight(day));

const stockholmClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Swedish wall-clock time is ahead of UTC at an instant: one hour in winter, two in summer. */
function stockholmOffsetMs(at: number): number {
  const parts = Object.fromEntries(stockholmClock.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  const wallClockAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wallClockAsUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a Swedish wall-clock time (`YYYY-MM-DD`, `HH:mm`) happens. The offset is looked up
 * twice because the first guess lands on the wrong side of a change to or from summer time when
 * the time is near it.
 */
export function stockholmTimeToUtc(day: string, time: string): Date {
  const wallClockAsUtc = Date.parse(`${day}T${time}:00Z`);
  const firstGuess = wallClockAsUtc - stockholmOffsetMs(wallClockAsUtc);
  return new Date(wallClockAsUtc - stockholmOffsetMs(firstGuess));
}

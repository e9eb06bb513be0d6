import { stockholmDay } from '../../core/days.js';

export type DateReading = { date: string } | { reason: string };

const TIME = String.raw`(?:[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}:?\d{2})?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}${ZONE}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.])(\d{1,2})\2(\d{4})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Five digits: 10000–99999 are the days 1927–2173 in Excel's 1900 date system. Shorter numbers are
// far more likely a mistake in the column than a date.
const EXCEL_SERIAL = /^(\d{5})(?:[.,]\d+)?$/;
/** Excel's day 0 (its day 60 is the 29 February 1900 that never was). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (value: number) => String(value).padStart(2, '0');

function calendarDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const validTime = (hour?: string, minute?: string, second?: string) =>
  hour === undefined || (Number(hour) <= 23 && Number(minute) <= 59 && (second === undefined || Number(second) <= 59));

/**
 * The calendar day of a date as school platforms and Excel write it: 2027-03-14, 2027-03-14 08:15,
 * 2027-03-14T08:15:00Z (an instant: its day in Sweden), 2027/03/14, 14/3/2027, 14.3.2027, 20270314,
 * or an Excel date number. Anything else is refused with the text as written.
 */
export function readDate(text: string): DateReading {
  const written = text.trim();
  const refused = { reason: `Datumet '${written}' kunde inte läsas` };

  const yearFirst = YEAR_FIRST.exec(written);
  if (yearFirst) {
    const [, year, separator, month, day, hour, minute, second, zone] = yearFirst;
    if (!validTime(hour, minute, second)) return refused;
    const date = calendarDay(Number(year), Number(month), Number(day));
    if (!date) return refused;
    if (zone && separator === '-' && hour !== undefined) {
      const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
      const instant = new Date(`${date}T${pad(Number(hour))}:${minute}:${second ?? '00'}${offset}`);
      return Number.isNaN(instant.getTime()) ? refused : { date: stockholmDay(instant) };
    }
    return zone ? refused : { date };
  }

  const dayFirst = DAY_FIRST.exec(written);
  if (dayFirst) {
    const [, day, , month, year, hour, minute, second] = dayFirst;
    if (!validTime(hour, minute, second)) return refused;
    const date = calendarDay(Number(year), Number(month), Number(day));
    return date ? { date } : refused;
  }

  const compact = COMPACT.exec(written);
  if (compact) {
    const date = calendarDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return date ? { date } : refused;
  }

  const serial = EXCEL_SERIAL.exec(written);
  if (serial) return { date: new Date(EXCEL_EPOCH_MS + Number(serial[1]) * DAY_MS).toISOString().slice(0, 10) };

  return refused;
}

export const isReadDate = (reading: DateReading): reading is { date: string } => 'date' in reading;

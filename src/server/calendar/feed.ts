import ical from 'ical-generator';
import { addDays } from '../core/days.js';

interface EntryContent {
  /** Stays the same for the same activity in every version of the feed, so calendars update it in place. */
  uid: string;
  summary: string;
  description: string;
  url: string;
}

export interface DayEntry extends EntryContent {
  /** `YYYY-MM-DD`: the entry is an all-day event on that day. */
  day: string;
}

export interface TimedEntry extends EntryContent {
  start: Date;
  end: Date;
  location: string;
}

export type CalendarEntry = DayEntry | TimedEntry;

const utcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * An iCalendar file of all-day and timed events. Days are written as dates without a time
 * (`DTSTART;VALUE=DATE`), so a deadline is the same day in every time zone; times are UTC.
 */
export function calendarFile(input: { name: string; entries: readonly CalendarEntry[]; stamp: Date }): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Stegvis', product: 'Stegvis', language: 'SV' },
    // Calendar apps that honour it fetch the feed again after an hour.
    ttl: 3600,
  });
  for (const entry of input.entries) {
    const when =
      'day' in entry
        ? // The end of an all-day event is the day after, exclusive.
          { allDay: true, start: utcMidnight(entry.day), end: utcMidnight(addDays(entry.day, 1)) }
        : { start: entry.start, end: entry.end, location: entry.location || null };
    calendar.createEvent({
      id: entry.uid,
      ...when,
      summary: entry.summary,
      description: entry.description,
      url: entry.url,
      stamp: input.stamp,
    });
  }
  return calendar.toString();
}

import ical from 'ical-generator';
import { addDays } from '../core/days.js';

export interface CalendarEntry {
  /** Stays the same for the same activity in every version of the feed, so calendars update it in place. */
  uid: string;
  /** `YYYY-MM-DD`: the entry is an all-day event on that day. */
  day: string;
  summary: string;
  description: string;
  url: string;
}

const utcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * An iCalendar file of all-day events. Days are written as dates without a time
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
    calendar.createEvent({
      id: entry.uid,
      allDay: true,
      start: utcMidnight(entry.day),
      // The end of an all-day event is the day after, exclusive.
      end: utcMidnight(addDays(entry.day, 1)),
      summary: entry.summary,
      description: entry.description,
      url: entry.url,
      stamp: input.stamp,
    });
  }
  return calendar.toString();
}

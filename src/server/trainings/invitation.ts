import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { TimedEntry } from '../calendar/feed.js';

export interface Mailbox {
  name: string;
  email: string;
}

/** `Stegvis <no-reply@exempel.se>` or a bare address, as MAIL_FROM may be written. */
export function mailboxOf(address: string): Mailbox {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  if (!match) return { name: address.trim(), email: address.trim() };
  return { name: match[1].trim() || match[2].trim(), email: match[2].trim() };
}

export interface SessionEvent extends TimedEntry {
  /** Grows with each change, so a calendar knows which invitation is the latest. */
  sequence: number;
}

/**
 * An invitation to a session, or its cancellation, as the text/calendar part of a mail (RFC 5546):
 * times in UTC, the organizer the address mails come from, the recipient the one attendee.
 */
export function sessionInvitation(input: {
  method: 'REQUEST' | 'CANCEL';
  event: SessionEvent;
  organizer: Mailbox;
  attendee: Mailbox;
  stamp: Date;
}): string {
  const calendar = ical({
    prodId: { company: 'Stegvis', product: 'Stegvis', language: 'SV' },
    method: input.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  const { event } = input;
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    start: event.start,
    end: event.end,
    stamp: input.stamp,
    summary: event.summary,
    description: event.description,
    location: event.location || null,
    url: event.url,
    status: input.method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: input.organizer,
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: input.method === 'REQUEST',
      },
    ],
  });
  return calendar.toString();
}

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { mailboxOf, type SessionEvent, sessionInvitation } from './invitation.js';

const event: SessionEvent = {
  uid: 'utbildning-s1@stegvis.exempel.se',
  sequence: 2,
  start: new Date('2027-03-02T08:00:00Z'),
  end: new Date('2027-03-02T11:00:00Z'),
  summary: 'Utbildning av administratörer',
  description: 'Tid: 2 mars 2027 kl. 09:00–12:00',
  location: 'Stadshuset, sal 3',
  url: 'https://stegvis.exempel.se/projekt/p1/utbildningar',
};

const parse = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  const value = (name: string) => vevent.getFirstPropertyValue(name);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: value('uid'),
    sequence: value('sequence'),
    status: value('status'),
    organizer: String(value('organizer')).toLowerCase(),
    attendees: vevent.getAllProperties('attendee').map((property) => ({
      value: String(property.getFirstValue()).toLowerCase(),
      name: property.getParameter('cn'),
      rsvp: property.getParameter('rsvp'),
    })),
  };
};

describe('calendar invitations', () => {
  it('reads the organizer from MAIL_FROM, with or without a display name', () => {
    expect(mailboxOf('Stegvis <no-reply@exempel.se>')).toEqual({ name: 'Stegvis', email: 'no-reply@exempel.se' });
    expect(mailboxOf('"Skolplattformen AB" <stegvis@exempel.se>')).toEqual({
      name: 'Skolplattformen AB',
      email: 'stegvis@exempel.se',
    });
    expect(mailboxOf('stegvis@exempel.se')).toEqual({ name: 'stegvis@exempel.se', email: 'stegvis@exempel.se' });
  });

  it('asks the recipient to a session in UTC, with its sequence, organizer and the recipient as attendee', () => {
    const ics = sessionInvitation({
      method: 'REQUEST',
      event,
      organizer: { name: 'Stegvis', email: 'stegvis@exempel.se' },
      attendee: { name: 'Åsa Öberg', email: 'asa@kommun.se' },
      stamp: new Date('2027-02-01T09:00:00Z'),
    });
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART:20270302T080000Z');
    expect(ics).toContain('DTEND:20270302T110000Z');
    expect(parse(ics)).toEqual({
      method: 'REQUEST',
      uid: 'utbildning-s1@stegvis.exempel.se',
      sequence: 2,
      status: 'CONFIRMED',
      organizer: 'mailto:stegvis@exempel.se',
      attendees: [{ value: 'mailto:asa@kommun.se', name: 'Åsa Öberg', rsvp: 'TRUE' }],
    });
  });

  it('cancels the same event under the same UID', () => {
    const ics = sessionInvitation({
      method: 'CANCEL',
      event: { ...event, sequence: 3 },
      organizer: { name: 'Stegvis', email: 'stegvis@exempel.se' },
      attendee: { name: 'Åsa Öberg', email: 'asa@kommun.se' },
      stamp: new Date('2027-02-01T09:00:00Z'),
    });
    expect(parse(ics)).toMatchObject({
      method: 'CANCEL',
      uid: 'utbildning-s1@stegvis.exempel.se',
      sequence: 3,
      status: 'CANCELLED',
      attendees: [{ value: 'mailto:asa@kommun.se', name: 'Åsa Öberg', rsvp: 'FALSE' }],
    });
  });
});

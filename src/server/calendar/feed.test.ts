import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  activityEntry,
  activityStatus,
  type FeedActivity,
  feedLinks,
  keyActivityEntry,
  trainingSessionEntry,
} from './entries.js';
import { calendarFile } from './feed.js';

const links = feedLinks('https://stegvis.exempel.se');
const project = { id: 'p1', name: 'Implementering Åkerby kommun', customerName: 'Åkerby kommun' };
const open: FeedActivity = {
  id: 'a1',
  projectId: 'p1',
  title: 'Beställningsblankett skickad; avtal, klart',
  description: 'Skickas till leverantören',
  deadline: '2027-03-31',
  doneAt: null,
  doneByName: null,
};

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)),
  };
}

describe('calendar entries', () => {
  it('tells an activity’s status: done with when and by whom, late, or not done', () => {
    expect(activityStatus(open, '2027-03-31')).toBe('Inte klar');
    expect(activityStatus(open, '2027-04-01')).toBe('Försenad: inte avbockad');
    const done = { ...open, doneAt: '2027-03-29T22:30:00.000Z', doneByName: 'Lena Ek' };
    expect(activityStatus(done, '2027-04-01')).toBe('Klar (avbockad 30 mars 2027 av Lena Ek)');
  });

  it('writes deadlines and key activities as all-day events with stable UIDs, status and a link', () => {
    const ics = calendarFile({
      name: 'Stegvis: Implementering Åkerby kommun',
      stamp: new Date('2027-03-01T10:00:00Z'),
      entries: [
        activityEntry(open, project, { today: '2027-03-01', links, nameProject: false }),
        keyActivityEntry(
          { id: 'k1', projectId: 'p1', title: 'Projektmöte med leverantören', description: '', date: '2027-04-15' },
          project,
          { links, nameProject: true },
        ),
      ],
    });
    expect(ics).toContain('DTSTART;VALUE=DATE:20270331');
    const { name, events } = eventsOf(ics);
    expect(name).toBe('Stegvis: Implementering Åkerby kommun');
    const [deadline, keyActivity] = events;
    expect(deadline.uid).toBe('aktivitet-a1@stegvis.exempel.se');
    expect(deadline.summary).toBe('Beställningsblankett skickad; avtal, klart');
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2027-03-31');
    expect(deadline.endDate.toString()).toBe('2027-04-01');
    expect(deadline.description).toBe(
      'Status: Inte klar\nProjekt: Implementering Åkerby kommun (Åkerby kommun)\n\nSkickas till leverantören',
    );
    expect(deadline.component.getFirstPropertyValue('url')).toBe('https://stegvis.exempel.se/projekt/p1#aktivitet-a1');
    expect(keyActivity.uid).toBe('nyckelaktivitet-k1@stegvis.exempel.se');
    expect(keyActivity.summary).toBe('Projektmöte med leverantören (Implementering Åkerby kommun)');
    expect(keyActivity.startDate.toString()).toBe('2027-04-15');
    expect(keyActivity.component.getFirstPropertyValue('url')).toBe('https://stegvis.exempel.se/projekt/p1/plan');
  });

  it('marks a done activity in its title', () => {
    const done = { ...open, doneAt: '2027-03-20T08:00:00.000Z', doneByName: 'Lena Ek' };
    expect(activityEntry(done, project, { today: '2027-04-01', links, nameProject: false }).summary).toBe(
      'Klar: Beställningsblankett skickad; avtal, klart',
    );
  });

  it('writes a training session as a timed event in UTC, where and who trains in the description', () => {
    const session = {
      id: 's1',
      projectId: 'p1',
      trainingTitle: 'Utbildning av administratörer',
      date: '2027-03-30',
      startTime: '09:00',
      endTime: '12:00',
      mode: 'on_site' as const,
      place: 'Stadshuset, sal 3',
      link: '',
      trainerName: 'Lena Lärk',
    };
    const ics = calendarFile({
      name: 'Stegvis',
      stamp: new Date('2027-03-01T10:00:00Z'),
      entries: [
        trainingSessionEntry(session, project, { links, nameProject: true }),
        trainingSessionEntry(
          { ...session, id: 's2', date: '2027-03-02', mode: 'web', place: '', link: 'https://mote.exempel.se/a' },
          project,
          { links, nameProject: false },
        ),
      ],
    });
    // 30 March is in summer time (UTC+2), 2 March in winter time (UTC+1).
    expect(ics).toContain('DTSTART:20270330T070000Z');
    expect(ics).toContain('DTEND:20270330T100000Z');
    expect(ics).toContain('DTSTART:20270302T080000Z');
    const [onSite, web] = eventsOf(ics).events;
    expect(onSite.uid).toBe('utbildning-s1@stegvis.exempel.se');
    expect(onSite.startDate.isDate).toBe(false);
    expect(onSite.summary).toBe('Utbildning av administratörer (Implementering Åkerby kommun)');
    expect(onSite.location).toBe('Stadshuset, sal 3');
    expect(onSite.description).toBe(
      'Tid: 30 mars 2027 kl. 09:00–12:00\nPlats: Stadshuset, sal 3\nUtbildare: Lena Lärk\nProjekt: Implementering Åkerby kommun (Åkerby kommun)',
    );
    expect(onSite.component.getFirstPropertyValue('url')).toBe('https://stegvis.exempel.se/projekt/p1/utbildningar');
    expect(web.summary).toBe('Utbildning av administratörer');
    expect(web.location).toBe('https://mote.exempel.se/a');
    expect(web.description).toContain('Webbutbildning: https://mote.exempel.se/a');
  });
});
